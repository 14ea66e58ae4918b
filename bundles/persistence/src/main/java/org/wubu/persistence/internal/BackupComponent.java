package org.wubu.persistence.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.backup.BackupContributor;
import org.wubu.platform.api.backup.BackupInfo;
import org.wubu.platform.api.backup.BackupRestore;
import org.wubu.platform.api.backup.BackupService;
import org.wubu.platform.api.backup.BackupVerification;
import org.wubu.platform.api.chain.ChainHead;
import org.wubu.platform.api.health.HealthCheck;
import org.wubu.platform.api.health.HealthResult;

/**
 * The backup service (DB-1): runs {@link DerbyBackups} on demand and on the configured cron
 * schedule, catches up at start on a scheduled backup that was missed while the platform was
 * down, audits every backup and restore, and reports in health when backups are overdue.
 */
// Immediate: it runs scheduled or background work, which a delayed component would lose whenever SCR
// disposes it for want of users (Felix SCR does so by default) and repeat at every re-activation.
@Component(service = {BackupService.class, HealthCheck.class}, configurationPid = "org.wubu.backup", immediate = true)
@Designate(ocd = BackupConfig.class)
public class BackupComponent implements BackupService, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(BackupComponent.class);
    /** Remembers since when the schedule has been in force, so a first missed run is caught up too. */
    private static final String SINCE_MARKER = ".schedule-since";

    private final DerbyBackups backups;
    private final ShopClock clock;
    private final PlatformInfo platform;
    private final BackupConfig config;
    private final ScheduledExecutorService executor;
    private final CronSchedule schedule;
    private final String scheduleError;
    private volatile String lastFailure;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditService audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    /** Folders other bundles keep the shop's files in (the media store); SCR replaces the list as they come and go. */
    @Reference(service = BackupContributor.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<BackupContributor> contributors = List.of();

    @Activate
    public BackupComponent(@Reference(target = "(osgi.jndi.service.name=wubu)") DataSource dataSource,
                           @Reference(target = "(osgi.jdbc.driver.name=derby)") DataSourceFactory derbyFactory,
                           @Reference ShopClock clock,
                           @Reference PlatformInfo platform,
                           BackupConfig config) throws SQLException {
        this.clock = clock;
        this.platform = platform;
        this.config = config;
        Driver derby = derbyFactory.createDriver(null);
        this.backups = new DerbyBackups(dataSource, derby, directoryOf(config), Path.of(dataHome()), Clock.systemUTC());
        CronSchedule parsed = null;
        String error = null;
        if (!config.schedule().isBlank()) {
            try {
                parsed = new CronSchedule(config.schedule());
            } catch (IllegalArgumentException e) {
                error = "schedule in etc/org.wubu.backup.cfg is invalid, no scheduled backups: " + e.getMessage();
                LOG.error(error);
            }
        }
        this.schedule = parsed;
        this.scheduleError = error;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wubu-backup");
            t.setDaemon(true);
            return t;
        });
        if (schedule != null) {
            executor.execute(this::catchUpThenSchedule);
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    private static String dataHome() {
        return System.getProperty("karaf.data", "data");
    }

    private static Path directoryOf(BackupConfig config) {
        String dir = config.directory();
        if (dir == null || dir.isBlank()) {
            dir = dataHome() + "/backups";
        }
        return Path.of(dir).toAbsolutePath();
    }

    // ---- scheduling -------------------------------------------------------------------------

    private void catchUpThenSchedule() {
        try {
            BackupManifest latest = backups.list().stream().findFirst().orElse(null);
            Instant last = latest == null ? null : Instant.parse(latest.takenAt());
            ZonedDateTime missed = missedRun(schedule, scheduleSince(), last, clock.now(), zone());
            if (config.catchUp() && missed != null) {
                LOG.info("The scheduled backup of {} was missed; taking it now", missed);
                awaitFoldersOf(latest);
                takeQuietly("catch-up");
            }
        } catch (RuntimeException | IOException e) {
            LOG.error("Backup catch-up check failed: {}", e.getMessage(), e);
        }
        scheduleNext();
    }

    /**
     * A catch-up backup runs while the platform starts: waits (bounded) until the bundles that named
     * folders for the latest backup (the media store, in a feature of its own) have named them again,
     * so that the catch-up does not leave their files out only because they start later.
     */
    private void awaitFoldersOf(BackupManifest latest) {
        if (latest == null || latest.folders().isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, config.catchUpWaitSeconds()));
        while (!missingFolders(latest).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Set<String> missingFolders(BackupManifest previous) {
        return missingFolders(previous, contributors);
    }

    /** The folders the given backup had that none of {@code contributors} names. */
    static Set<String> missingFolders(BackupManifest previous, List<BackupContributor> contributors) {
        Set<String> missing = new TreeSet<>();
        if (previous != null) {
            previous.folders().forEach(f -> missing.add(f.name()));
            contributors.forEach(c -> missing.remove(c.name()));
        }
        return missing;
    }

    /**
     * The first scheduled run that was missed — due after the latest backup (or, with none, after
     * the schedule came into force) and not later than now — or null when none was missed.
     */
    static ZonedDateTime missedRun(CronSchedule schedule, Instant since, Instant lastBackup, Instant now, ZoneId zone) {
        Instant reference = lastBackup != null && lastBackup.isAfter(since) ? lastBackup : since;
        ZonedDateTime due = schedule.next(reference.atZone(zone), zone);
        return due.toInstant().isAfter(now) ? null : due;
    }

    private void scheduleNext() {
        if (executor.isShutdown()) {
            return;
        }
        ZonedDateTime next = schedule.next(clock.nowInShop(), zone());
        long delay = Math.max(0, next.toInstant().toEpochMilli() - clock.now().toEpochMilli());
        executor.schedule(() -> {
            takeQuietly("schedule");
            scheduleNext();
        }, delay, TimeUnit.MILLISECONDS);
        LOG.info("Next scheduled backup at {}", next);
    }

    private Instant scheduleSince() throws IOException {
        Path marker = backups.directory().resolve(SINCE_MARKER);
        if (Files.exists(marker)) {
            return Instant.parse(Files.readString(marker).trim());
        }
        Files.createDirectories(backups.directory());
        Instant now = clock.now();
        Files.writeString(marker, now.toString());
        return now;
    }

    private ZoneId zone() {
        return clock.zone();
    }

    private void takeQuietly(String trigger) {
        try {
            take(Caller.SYSTEM, trigger);
        } catch (RuntimeException e) {
            LOG.error("The {} backup failed: {}", trigger, e.getMessage(), e);
        }
    }

    // ---- the service --------------------------------------------------------------------------

    @Override
    public BackupInfo run(Caller caller) {
        caller.require(MANAGE);
        return take(caller, caller.username());
    }

    private BackupInfo take(Caller caller, String trigger) {
        BackupManifest manifest;
        Set<String> missing;
        try {
            missing = missingFolders(backups.list().stream().findFirst().orElse(null));
            if (!missing.isEmpty()) {
                LOG.warn("Backup without the folders {}: the previous backup had them, but no running bundle names them now",
                        missing);
            }
            List<BackupContributor> folders = new ArrayList<>(contributors);
            folders.sort(Comparator.comparing(c -> String.valueOf(c.name())));
            manifest = backups.take(trigger, platform.version(), folders);
        } catch (IOException | SQLException | RuntimeException e) {
            lastFailure = clock.now() + ": " + e.getMessage();
            post(Topics.BACKUP_FAILED, Map.of(Topics.ACTOR, caller.username(), "error", String.valueOf(e.getMessage())));
            record(caller, "backup.failed", "backup", String.valueOf(e.getMessage()));
            if (e instanceof UnsupportedOperationException) {
                throw new WubuException("backup-unsupported", e.getMessage());
            }
            throw new WubuException("backup-failed", "the backup failed: " + e.getMessage());
        }
        lastFailure = null;
        BackupInfo info = toInfo(manifest);
        record(caller, "backup.run", "backup:" + info.name(), "trigger=" + trigger + ", bytes=" + info.sizeBytes()
                + ", tables=" + info.rowCounts().size() + manifest.folders().stream()
                        .map(f -> ", " + f.name() + "=" + f.fileCount() + " files")
                        .collect(Collectors.joining())
                + (missing.isEmpty() ? "" : ", without " + String.join(", ", missing) + " (not running)"));
        List<String> pruned = backups.prune(config.keep());
        if (!pruned.isEmpty()) {
            record(Caller.SYSTEM, "backup.prune", "backup", "deleted " + String.join(", ", pruned) + " (keep=" + config.keep() + ")");
        }
        post(Topics.BACKUP_COMPLETED, Map.of(Topics.ACTOR, caller.username(), Topics.SUBJECT, info.name(),
                Topics.TIME, info.takenAt().toString()));
        return info;
    }

    @Override
    public List<BackupInfo> list(Caller caller) {
        caller.require(READ);
        return backups.list().stream().map(BackupComponent::toInfo).collect(Collectors.toList());
    }

    @Override
    public BackupVerification verify(Caller caller, String name) {
        caller.require(MANAGE);
        requireExists(name);
        List<String> problems = backups.verify(name);
        record(caller, "backup.verify", "backup:" + name, problems.isEmpty() ? "ok" : String.join("; ", problems));
        return new BackupVerification(name, problems.isEmpty(), problems);
    }

    @Override
    public Path restoreInto(Caller caller, String name, Path dataFolder) {
        return restore(caller, name, dataFolder).database();
    }

    @Override
    public BackupRestore restore(Caller caller, String name, Path dataFolder) {
        caller.require(MANAGE);
        requireExists(name);
        if (dataFolder == null) {
            throw new ValidationException("name the data folder to restore into", Map.of("dataFolder", "missing"));
        }
        try {
            BackupRestore restored = backups.restore(name, dataFolder);
            record(caller, "backup.restore", "backup:" + name, "restored into " + restored.database()
                    + restored.folders().entrySet().stream().map(e -> ", " + e.getKey() + " into " + e.getValue())
                            .collect(Collectors.joining()));
            return restored;
        } catch (IllegalArgumentException | IOException e) {
            throw new ValidationException("cannot restore " + name + ": " + e.getMessage());
        } catch (SQLException e) {
            throw new WubuException("restore-failed", "restoring " + name + " failed: " + e.getMessage());
        }
    }

    private void requireExists(String name) {
        if (name == null || backups.list().stream().noneMatch(m -> m.name().equals(name))) {
            throw new NotFoundException("backup", String.valueOf(name));
        }
    }

    static BackupInfo toInfo(BackupManifest m) {
        ChainHead head = m.auditHeadSequence() == null ? null : new ChainHead(m.auditHeadSequence(), m.auditHeadHash());
        return new BackupInfo(m.name(), Instant.parse(m.takenAt()), m.trigger(), m.sizeBytes(), m.rowCounts(), head);
    }

    // ---- health -------------------------------------------------------------------------------

    @Override
    public String name() {
        return "backups";
    }

    /** Down when the schedule is broken, the last backup failed, or the last one is over 8 days old. */
    @Override
    public HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("directory", backups.directory().toString());
        details.put("schedule", schedule == null ? "none" : schedule.toString());
        List<BackupManifest> all = backups.list();
        details.put("count", all.size());
        if (!all.isEmpty()) {
            details.put("latest", all.get(0).name());
        }
        if (schedule != null) {
            details.put("next", schedule.next(clock.nowInShop(), zone()).toOffsetDateTime().toString());
        }
        if (scheduleError != null) {
            return HealthResult.down(scheduleError, details);
        }
        if (lastFailure != null) {
            return HealthResult.down("the last backup failed: " + lastFailure, details);
        }
        if (!all.isEmpty() && Instant.parse(all.get(0).takenAt()).isBefore(clock.now().minusSeconds(8L * 24 * 3600))) {
            return HealthResult.down("the latest backup is more than 8 days old (DB-1 asks for one a week)", details);
        }
        return HealthResult.up(details);
    }

    // ---- audit and events ---------------------------------------------------------------------

    private void record(Caller caller, String action, String subject, String details) {
        AuditService a = audit;
        if (a != null) {
            a.record(caller, action, subject, details);
        } else {
            LOG.warn("Audit log not running; not recorded: {} {} {} {}", caller.username(), action, subject, details);
        }
    }

    private void post(String topic, Map<String, Object> props) {
        EventAdmin ea = eventAdmin;
        if (ea != null) {
            ea.postEvent(new Event(topic, new HashMap<>(props)));
        }
    }
}
