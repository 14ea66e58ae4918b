package org.wubu.platform.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.health.HealthCheck;
import org.wubu.platform.web.Rest;

/**
 * {@code GET /api/health}, public: {@code UP} (200), {@code DEGRADED} (200, something non-critical
 * is wrong, e.g. a bundle's schema failed to migrate), {@code STARTING} (503, Karaf is still
 * installing its boot features) or {@code DOWN} (503, a critical check such as the database
 * failed, or there is no database at all), with every check, every Wubu bundle's state and the
 * build version.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + Rest.PUBLIC)
@HttpWhiteboardServletName("wubu-health")
@HttpWhiteboardServletPattern("/health")
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Registered by Karaf once every boot feature is installed; named, not imported, to stay Karaf-neutral. */
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";

    private final transient BundleContext context;
    private final transient PlatformInfo platform;
    private final transient ShopClock clock;
    /**
     * Health checks are looked up when health is asked for, through a tracker rather than a DS
     * dynamic reference: checks come and go exactly when the platform is in trouble (a DataSource
     * vanishing takes several with it), and the answer must not wait on the component's rebinding.
     */
    private final transient ServiceTracker<HealthCheck, HealthCheck> checks;

    @Activate
    public HealthServlet(BundleContext context, @Reference PlatformInfo platform, @Reference ShopClock clock) {
        this.context = context;
        this.platform = platform;
        this.clock = clock;
        this.checks = new ServiceTracker<>(context, HealthCheck.class, null);
        checks.open();
    }

    @Deactivate
    void deactivate() {
        checks.close();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Report report = report();
        boolean unavailable = report.status().equals("DOWN") || report.status().equals("STARTING");
        Rest.json(resp, unavailable ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_OK, report.body());
    }

    record Report(String status, Map<String, Object> body) {
    }

    Report report() {
        Map<String, Object> checkResults = new TreeMap<>();
        StringBuilder downReasons = new StringBuilder();
        StringBuilder degradedReasons = new StringBuilder();
        boolean database = false;
        for (Map.Entry<ServiceReference<HealthCheck>, HealthCheck> r : checks.getTracked().entrySet()) {
            String name = r.getValue().name();
            boolean critical = Boolean.TRUE.equals(r.getKey().getProperty(HealthCheck.CRITICAL));
            database |= name.equals("database");
            var result = safeCheck(r.getValue());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", result.up() ? "UP" : "DOWN");
            if (result.reason() != null) {
                entry.put("reason", result.reason());
            }
            entry.putAll(result.details());
            checkResults.put(name, entry);
            if (!result.up()) {
                (critical ? downReasons : degradedReasons).append(name).append(": ").append(result.reason()).append("; ");
            }
        }
        if (!database) {
            downReasons.append("database: no database is configured or its DataSource is not running;"
                    + " check etc/org.ops4j.datasource-wubu.cfg; ");
        }
        Map<String, String> bundles = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.wubu.")) {
                boolean fragment = BundleHealth.isFragment(b);
                String state = BundleHealth.stateName(b.getState(), fragment);
                bundles.put(b.getSymbolicName(), state + " " + b.getVersion());
                if (!BundleHealth.healthy(b.getState(), fragment)) {
                    degradedReasons.append(b.getSymbolicName()).append(" is ").append(state).append("; ");
                }
            }
        }
        String status = downReasons.length() > 0 ? "DOWN" : degradedReasons.length() > 0 ? "DEGRADED" : "UP";
        if (!status.equals("UP") && context.getServiceReference(BOOT_FINISHED) == null) {
            // Karaf is still installing its boot features: not broken, just not ready yet.
            status = "STARTING";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (!status.equals("UP")) {
            body.put("reason", (downReasons.toString() + degradedReasons).replaceAll("; $", ""));
        }
        body.put("version", platform.version());
        body.put("mode", platform.mode().name().toLowerCase(java.util.Locale.ROOT));
        body.put("shop", platform.shopName());
        body.put("time", clock.nowInShop().toOffsetDateTime().toString());
        body.put("checks", checkResults);
        body.put("bundles", bundles);
        return new Report(status, body);
    }

    private static org.wubu.platform.api.health.HealthResult safeCheck(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            return org.wubu.platform.api.health.HealthResult.down("the check itself failed: " + e, Map.of());
        }
    }
}
