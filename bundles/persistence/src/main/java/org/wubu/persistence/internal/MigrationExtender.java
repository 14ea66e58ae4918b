package org.wubu.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.health.HealthCheck;
import org.wubu.platform.api.health.HealthResult;
import org.wubu.platform.api.persistence.MigrationReport;
import org.wubu.platform.api.persistence.SchemaMigrations;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * The per-bundle schema migration extender. When a bundle that ships migration scripts becomes
 * active, its pending scripts are applied to the shared database; only then is a
 * {@link SchemaReady} service registered for it, which that bundle's components require. A failed
 * or altered script therefore keeps the bundle's services from starting; the reason is logged and
 * shown by the health check {@code migrations}.
 */
@Component(service = {SchemaMigrations.class, HealthCheck.class}, immediate = true)
public class MigrationExtender implements SchemaMigrations, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationExtender.class);

    private final DataSource dataSource;
    private final BundleContext context;
    private final Migrator migrator;
    /** The database's dialect: the sub-folder of a bundle's migrations whose variants replace portable scripts. */
    private final String dialect;
    private final Map<String, MigrationReport> reports = new ConcurrentSkipListMap<>();
    /** Bundle id of each report, so that reports of uninstalled bundles are dropped. */
    private final Map<String, Long> reportBundles = new ConcurrentHashMap<>();
    private final Map<Long, ServiceRegistration<SchemaReady>> ready = new ConcurrentHashMap<>();
    private final BundleTracker<Bundle> tracker;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Activate
    public MigrationExtender(@Reference(target = "(osgi.jndi.service.name=wubu)") DataSource dataSource,
                             BundleContext context) throws SQLException {
        this.dataSource = dataSource;
        this.context = context;
        this.migrator = new Migrator(dataSource, Clock.systemUTC());
        this.dialect = SqlDialect.of(dataSource);
        migrator.ensureHistoryTable();
        LOG.info("Schema migrations use the portable scripts and the '{}' variants", dialect);
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                return onActive(bundle) ? bundle : null;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                onStopped(bundle);
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        ready.values().forEach(MigrationExtender::unregisterQuietly);
        ready.clear();
    }

    /** Migrates a bundle that just became active; returns whether the bundle ships migrations. */
    private boolean onActive(Bundle bundle) {
        List<MigrationScript> scripts;
        try {
            scripts = scriptsOf(bundle, dialect);
        } catch (IOException | IllegalArgumentException e) {
            report(bundle, new MigrationReport(bundle.getSymbolicName(), false, List.of(),
                    "cannot read its migration scripts: " + e.getMessage()));
            LOG.error("Cannot read the migration scripts of {}: {}", bundle.getSymbolicName(), e.getMessage());
            return true;
        }
        if (scripts == null) {
            return false;
        }
        MigrationReport report;
        synchronized (this) {
            report = migrator.migrate(bundle.getSymbolicName(), scripts);
        }
        report(bundle, report);
        if (report.ok()) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(SchemaReady.BUNDLE, bundle.getSymbolicName());
            props.put("wubu.schema.version", report.applied().isEmpty() ? "0" : report.applied().get(report.applied().size() - 1));
            ready.put(bundle.getBundleId(), context.registerService(SchemaReady.class, new SchemaReady() { }, props));
            post(Topics.SCHEMA_MIGRATED, report);
        } else {
            post(Topics.SCHEMA_FAILED, report);
        }
        return true;
    }

    private void report(Bundle bundle, MigrationReport report) {
        reports.put(bundle.getSymbolicName(), report);
        reportBundles.put(bundle.getSymbolicName(), bundle.getBundleId());
    }

    private void onStopped(Bundle bundle) {
        ServiceRegistration<SchemaReady> reg = ready.remove(bundle.getBundleId());
        if (reg != null) {
            unregisterQuietly(reg);
        }
    }

    /**
     * The bundle's scripts for the database's dialect (its portable scripts, each replaced by the
     * variant in the sub-folder named after the dialect, e.g. {@code db/migration/postgresql/}), or
     * null when it ships none.
     */
    private static List<MigrationScript> scriptsOf(Bundle bundle, String dialect) throws IOException {
        String header = bundle.getHeaders().get(SchemaReady.HEADER);
        String folder = header != null ? header.trim() : SchemaReady.DEFAULT_FOLDER;
        List<MigrationScript> portable = read(bundle, folder, null);
        if (portable == null) {
            return null;
        }
        List<MigrationScript> variants = read(bundle, folder + "/" + dialect, dialect);
        return MigrationScript.forDialect(portable, variants == null ? List.of() : variants);
    }

    private static List<MigrationScript> read(Bundle bundle, String folder, String dialect) throws IOException {
        Enumeration<URL> entries = bundle.findEntries(folder, "*.sql", false);
        if (entries == null) {
            return null;
        }
        List<MigrationScript> scripts = new ArrayList<>();
        for (URL url : Collections.list(entries)) {
            String path = url.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            try (InputStream in = url.openStream()) {
                scripts.add(new MigrationScript(dialect, name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return scripts;
    }

    private void post(String topic, MigrationReport report) {
        EventAdmin ea = eventAdmin;
        if (ea != null) {
            Map<String, Object> props = new java.util.HashMap<>();
            props.put(Topics.SUBJECT, report.bundle());
            props.put("applied", String.join(",", report.applied()));
            if (report.error() != null) {
                props.put("error", report.error());
            }
            ea.postEvent(new Event(topic, props));
        }
    }

    private static void unregisterQuietly(ServiceRegistration<?> reg) {
        try {
            reg.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The framework already removed it while stopping.
        }
    }

    @Override
    public List<MigrationReport> reports() {
        reports.keySet().removeIf(bsn -> {
            Long id = reportBundles.get(bsn);
            return id == null || context.getBundle(id) == null;
        });
        return List.copyOf(reports.values());
    }

    @Override
    public String name() {
        return "migrations";
    }

    @Override
    public HealthResult check() {
        Map<String, Object> details = new java.util.TreeMap<>();
        List<String> failed = new ArrayList<>();
        for (MigrationReport r : reports()) {
            details.put(r.bundle(), r.ok() ? "applied " + String.join(", ", r.applied()) : "FAILED: " + r.error());
            if (!r.ok()) {
                failed.add(r.bundle() + ": " + r.error());
            }
        }
        return failed.isEmpty() ? HealthResult.up(details)
                : HealthResult.down("schema not ready, services stopped for " + String.join("; ", failed), details);
    }

    DataSource dataSource() {
        return dataSource;
    }
}
