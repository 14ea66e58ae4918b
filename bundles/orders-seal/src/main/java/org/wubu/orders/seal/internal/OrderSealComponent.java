package org.wubu.orders.seal.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.seal.DailySeal;
import org.wubu.orders.api.seal.OrderSeals;
import org.wubu.orders.api.seal.SealFile;
import org.wubu.orders.api.seal.SealVerification;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.health.HealthCheck;
import org.wubu.platform.api.health.HealthResult;

/**
 * The daily record of the orders (ORD-4): seals each day's window shortly after its end (18:00 shop
 * time by default), catches up at start and whenever the orders service comes back on every day
 * that was missed (the most recent {@code catchUpDays}), audits and announces every seal and
 * verification, and reports a missed seal in health.
 *
 * <p>The orders service is an optional dynamic reference so that this component, its health check
 * and the seals already written stay available while the orders bundle is stopped or replaced; the
 * seals it could not write then are reported missing and written when it returns.
 */
// Immediate: it runs scheduled or background work, which a delayed component would lose whenever SCR
// disposes it for want of users (Felix SCR does so by default) and repeat at every re-activation.
@Component(service = {OrderSeals.class, HealthCheck.class}, configurationPid = "org.wubu.orders.seal", immediate = true)
@Designate(ocd = SealConfig.class)
public class OrderSealComponent implements OrderSeals, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSealComponent.class);
    /** After a failed seal, try again this soon rather than at the next 18:00. */
    private static final Duration RETRY = Duration.ofMinutes(10);
    /** Dates named in a health message. */
    private static final int SHOWN = 5;

    private final ShopClock clock;
    private final SealFolder folder;
    private final SealWindows windows;
    private final String configError;
    private final int catchUpDays;
    private final Duration grace;
    private final Instant activatedAt;
    private final ScheduledExecutorService executor;
    private volatile String lastFailure;

    private volatile OrderService orders;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditService audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    @Activate
    public OrderSealComponent(@Reference ShopClock clock, SealConfig config) {
        this(clock, config, true);
    }

    /** Without {@code schedule} nothing runs by itself: tests call {@link #sealDue} with their clock. */
    OrderSealComponent(ShopClock clock, SealConfig config, boolean schedule) {
        this.clock = clock;
        this.folder = new SealFolder(folderOf(config));
        this.catchUpDays = Math.max(1, config.catchUpDays());
        this.grace = Duration.ofMinutes(Math.max(0, config.graceMinutes()));
        this.activatedAt = clock.now();
        SealWindows w = null;
        String error = null;
        try {
            ZoneId zone = config.zone() == null || config.zone().isBlank() ? clock.zone() : ZoneId.of(config.zone().trim());
            w = new SealWindows(SealWindows.parseTime(config.time()), zone, Duration.ofSeconds(Math.max(0, config.settleSeconds())));
        } catch (IllegalArgumentException | DateTimeException e) {
            error = "etc/org.wubu.orders.seal.cfg is invalid, no daily record is written: " + e.getMessage();
            LOG.error(error);
        }
        this.windows = w;
        this.configError = error;
        folder.removePartials();
        this.executor = schedule && windows != null ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wubu-orders-seal");
            t.setDaemon(true);
            return t;
        }) : null;
        if (executor != null) {
            executor.execute(() -> runAndScheduleNext("catch-up"));
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindOrders")
    void bindOrders(OrderService service) {
        orders = service;
        ScheduledExecutorService ex = executor;
        if (ex != null && !ex.isShutdown()) {
            // The orders came (back): write what was missed while they were away.
            ex.execute(() -> sealDueQuietly("catch-up", clock.now()));
        }
    }

    void unbindOrders(OrderService service) {
        if (orders == service) {
            orders = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static Path folderOf(SealConfig config) {
        String dir = config.folder();
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("karaf.data", "data") + "/backups/orders";
        }
        return Path.of(dir);
    }

    // ---- scheduling ---------------------------------------------------------------------------

    /**
     * Seals what is due, then schedules the next run at the next due time. The check and the schedule
     * use the same instant: the executor's clock is not the wall clock, and a run that fires a few
     * milliseconds early finds the day not yet due; scheduled from a fresh reading of the clock (past
     * the due time by then) the next run went to the following day and the day's record was skipped.
     * From the same instant the next run is that very due time, a moment later.
     */
    private void runAndScheduleNext(String trigger) {
        Instant checked = clock.now();
        try {
            sealDueQuietly(trigger, checked);
        } finally {
            // Whatever happened, the next run is scheduled: a failure must not end the daily record.
            scheduleNext(checked);
        }
    }

    private void scheduleNext(Instant checked) {
        if (executor.isShutdown()) {
            return;
        }
        Instant now = clock.now();
        Instant next = windows.nextDue(checked);
        if (lastFailure != null && now.plus(RETRY).isBefore(next)) {
            next = now.plus(RETRY);
        }
        long delay = Math.max(0, Duration.between(now, next).toMillis());
        executor.schedule(() -> runAndScheduleNext("schedule"), delay, TimeUnit.MILLISECONDS);
        LOG.info("Next daily order record check at {} ({}, folder {})", next.atZone(windows.zone()), windows, folder.path());
    }

    private void sealDueQuietly(String trigger, Instant at) {
        try {
            sealDue(trigger, at);
        } catch (RuntimeException | LinkageError e) {
            // Linkage errors too: the executor would swallow them without a trace.
            lastFailure = clock.now() + ": " + e;
            LOG.error("The daily order record ({}) failed: {}", trigger, e.getMessage(), e);
        }
    }

    /**
     * Seals every due date that has no seal, oldest first, as the platform: the latest due date with
     * the given trigger, older ones as {@code catch-up}. Stops at the first failure (reported in health).
     */
    List<DailySeal> sealDue(String trigger) {
        return sealDue(trigger, clock.now());
    }

    /** {@link #sealDue(String)} as of {@code at} (the instant the caller schedules from). */
    synchronized List<DailySeal> sealDue(String trigger, Instant at) {
        if (windows == null || orders == null) {
            LOG.info("Daily order record check ({}) skipped: {}", trigger, windows == null ? configError : "the orders service is not bound");
            return List.of();
        }
        LocalDate latest = windows.latestDue(at);
        List<LocalDate> missing = missing(latest);
        LOG.info("Daily order record check ({}): latest due day {}, to write {}", trigger, latest, missing);
        List<DailySeal> written = new ArrayList<>();
        for (LocalDate date : missing) {
            written.add(write(Caller.SYSTEM, date, date.equals(latest) ? trigger : "catch-up"));
        }
        return written;
    }

    /**
     * The dates that should have a seal and have none, oldest first: from the first seal (or, before
     * any, the day of the shop's first record; or, with no record either, only the latest due date)
     * to the latest due date, but no more than {@code catchUpDays} back.
     */
    private List<LocalDate> missing(LocalDate latest) {
        List<LocalDate> sealed = folder.dates();
        LocalDate origin;
        if (!sealed.isEmpty()) {
            origin = sealed.get(sealed.size() - 1);
        } else {
            OrderService o = orders;
            OrderRecord first = o == null ? null : new Journal(o).first();
            origin = first == null ? latest : windows.dateOf(first.occurredAt());
        }
        LocalDate floor = latest.minusDays(catchUpDays - 1L);
        LocalDate start = origin.isAfter(floor) ? origin : floor;
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(latest); d = d.plusDays(1)) {
            if (!sealed.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    // ---- the service --------------------------------------------------------------------------

    @Override
    public List<DailySeal> list(Caller caller) {
        caller.require(PERMISSION);
        List<DailySeal> out = new ArrayList<>();
        for (LocalDate date : folder.dates()) {
            try {
                folder.read(date).ifPresent(out::add);
            } catch (IOException | RuntimeException e) {
                LOG.warn("The seal of {} has an unreadable manifest ({}); orders:seal-verify {} says more", date, e.getMessage(), date);
            }
        }
        return out;
    }

    @Override
    public Optional<DailySeal> find(Caller caller, LocalDate date) {
        caller.require(PERMISSION);
        requireDate(date);
        try {
            return folder.read(date);
        } catch (IOException | RuntimeException e) {
            throw new WubuException("seal-unreadable", "the manifest of " + date + " cannot be read: " + e.getMessage() + " / " + date + " 的清单无法读取");
        }
    }

    @Override
    public DailySeal seal(Caller caller, LocalDate date) {
        caller.require(PERMISSION);
        requireDate(date);
        synchronized (this) {
            return write(caller, date, caller.username());
        }
    }

    private DailySeal write(Caller caller, LocalDate date, String trigger) {
        if (windows == null) {
            throw new WubuException("seal-not-configured", configError);
        }
        Instant now = clock.now();
        if (now.isBefore(windows.due(date))) {
            throw new WubuException(NOT_DUE, "the day " + date + " ends at " + windows.to(date).atZone(windows.zone())
                    + "; its record can be sealed only after that / " + date + " 的营业日于 "
                    + windows.to(date).atZone(windows.zone()).toLocalDateTime() + " 结束，之后才能封存", Map.of("date", date.toString()));
        }
        try {
            Optional<DailySeal> existing = folder.read(date);
            if (existing.isPresent()) {
                return existing.get();
            }
        } catch (IOException e) {
            throw new WubuException("seal-unreadable", "a seal of " + date + " exists but its manifest cannot be read: " + e.getMessage()
                    + " / " + date + " 的封存文件已存在，但清单无法读取");
        }
        OrderService o = requireOrders();
        try {
            DailySeal seal = new SealWriter(new Journal(o), windows, folder).write(date, now, trigger);
            lastFailure = null;
            record(caller, "orders.seal.write", date, "records=" + seal.records() + ", orders=" + seal.orders() + ", sha256="
                    + seal.sha256() + ", chainHead=" + (seal.chainHead() == null ? "none" : seal.chainHead().sequence())
                    + ", trigger=" + trigger);
            post(SEALED, Map.of(Topics.ACTOR, caller.username(), Topics.SUBJECT, date.toString(), Topics.TIME, now.toString(),
                    "records", seal.records(), "trigger", trigger));
            LOG.info("Sealed the order records of {}: {} records, SHA-256 {}", date, seal.records(), seal.sha256());
            return seal;
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            lastFailure = now + " (" + date + "): " + reason;
            record(caller, "orders.seal.failed", date, reason);
            post(SEAL_FAILED, Map.of(Topics.ACTOR, caller.username(), Topics.SUBJECT, date.toString(), Topics.TIME, now.toString(),
                    "error", reason));
            if (e instanceof WubuException w) {
                throw w;
            }
            throw new WubuException("seal-failed", "the order records of " + date + " could not be sealed: " + reason
                    + " / " + date + " 的订单记录未能封存");
        }
    }

    @Override
    public SealVerification verify(Caller caller, LocalDate date) {
        caller.require(PERMISSION);
        requireDate(date);
        if (!folder.exists(date)) {
            throw new NotFoundException("order record seal", date.toString());
        }
        SealVerification v = new SealChecker(new Journal(requireOrders()), folder).check(date);
        record(caller, "orders.seal.verify", date, v.ok() ? "intact, " + v.records() + " records" : String.join("; ", v.problems()));
        post(VERIFIED, Map.of(Topics.ACTOR, caller.username(), Topics.SUBJECT, date.toString(), Topics.TIME, clock.now().toString(),
                "ok", v.ok()));
        return v;
    }

    @Override
    public Path file(Caller caller, LocalDate date, SealFile file) {
        caller.require(PERMISSION);
        requireDate(date);
        if (file == null) {
            throw new ValidationException("name the file: records.jsonl or manifest.json / 请指定文件：records.jsonl 或 manifest.json",
                    Map.of("file", "required"));
        }
        Path path = folder.file(date, file);
        if (!folder.exists(date) || !java.nio.file.Files.isRegularFile(path)) {
            throw new NotFoundException("order record seal file", date + "/" + file.fileName());
        }
        return path;
    }

    private static void requireDate(LocalDate date) {
        if (date == null) {
            throw new ValidationException("name the date, e.g. 2026-11-27 / 请指定日期，例如 2026-11-27", Map.of("date", "required"));
        }
    }

    private OrderService requireOrders() {
        OrderService o = orders;
        if (o == null) {
            throw new WubuException("orders-unavailable", "the orders service is not running; start the orders bundle first"
                    + " / 订单服务未运行，请先启动订单模块");
        }
        return o;
    }

    // ---- health -------------------------------------------------------------------------------

    @Override
    public String name() {
        return "orders-seal";
    }

    /** Down when the configuration is invalid, the last seal failed, or a due day has no seal after the grace period. */
    @Override
    public HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("folder", folder.path().toString());
        if (windows == null) {
            return HealthResult.down(configError, details);
        }
        try {
            Instant now = clock.now();
            List<LocalDate> sealed = folder.dates();
            details.put("schedule", windows.toString());
            details.put("sealed", sealed.size());
            if (!sealed.isEmpty()) {
                details.put("latest", sealed.get(0).toString());
            }
            details.put("next", windows.nextDue(now).atZone(windows.zone()).toOffsetDateTime().toString());
            if (lastFailure != null) {
                return HealthResult.down("the last daily order record failed: " + lastFailure, details);
            }
            Instant lenient = now.minus(grace);
            List<LocalDate> overdue = new ArrayList<>();
            if (!activatedAt.isAfter(lenient)) {
                for (LocalDate d : missing(windows.latestDue(now))) {
                    if (!windows.due(d).isAfter(lenient)) {
                        overdue.add(d);
                    }
                }
            }
            if (!overdue.isEmpty()) {
                details.put("missing", overdue.stream().map(LocalDate::toString).toList());
                return HealthResult.down("the order records of " + shown(overdue) + " are not sealed"
                        + (orders == null ? " (the orders service is not running)" : ""), details);
            }
            return HealthResult.up(details);
        } catch (RuntimeException e) {
            return HealthResult.down("cannot check the daily order records: " + e.getMessage(), details);
        }
    }

    private static String shown(List<LocalDate> dates) {
        List<String> s = dates.stream().limit(SHOWN).map(LocalDate::toString).toList();
        return String.join(", ", s) + (dates.size() > SHOWN ? " and " + (dates.size() - SHOWN) + " more days" : "");
    }

    // ---- audit and events ---------------------------------------------------------------------

    private void record(Caller caller, String action, LocalDate date, String details) {
        AuditService a = audit;
        if (a != null) {
            a.record(caller, action, "orders-seal:" + date, details);
        } else {
            LOG.warn("Audit log not running; not recorded: {} {} orders-seal:{} {}", caller.username(), action, date, details);
        }
    }

    private void post(String topic, Map<String, Object> props) {
        EventAdmin ea = eventAdmin;
        if (ea != null) {
            ea.postEvent(new Event(topic, new HashMap<>(props)));
        }
    }
}
