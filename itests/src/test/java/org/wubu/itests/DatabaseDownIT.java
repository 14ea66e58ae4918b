package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Health says DOWN (HTTP 503, with the reason) when the database goes away, and UP again when it
 * comes back: the shared DataSource's configuration is removed, then created again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DatabaseDownIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    public void healthIsDownWithoutTheDatabaseAndUpWhenItReturns() throws Exception {
        waitForHttp200("/api/health", WAIT);
        waitForService(ConfigurationAdmin.class, null, Duration.ofSeconds(10));
        // Held for the whole test: ConfigurationAdmin is a per-bundle service factory.
        ConfigurationAdmin cm = bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
        Configuration[] found = cm.listConfigurations("(&(service.factoryPid=org.ops4j.datasource)(dataSourceName=wubu))");
        assertNotNull("the wubu DataSource configuration", found);
        Configuration dataSource = found[0];
        Dictionary<String, Object> saved = new Hashtable<>();
        for (Enumeration<String> keys = dataSource.getProperties().keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!key.startsWith("service.") && !key.startsWith("felix.fileinstall")) {
                saved.put(key, dataSource.getProperties().get(key));
            }
        }
        dataSource.delete();

        HttpResult down = waitForStatus(503);
        assertEquals(down.body(), "DOWN", healthStatus(down.body()));
        assertTrue(down.body(), down.body().contains("no database is configured or its DataSource is not running"));

        cm.createFactoryConfiguration("org.ops4j.datasource", "?").update(saved);
        // Every area bound to the DataSource comes back, so the platform is UP again, not merely answering 200.
        HttpResult up = waitFor("GET /api/health to answer UP", WAIT, () -> get("/api/health"),
                r -> r.status() == 200 && r.body().startsWith("{\"status\":\"UP\""));
        assertEquals(up.body(), "UP", healthStatus(up.body()));
        assertEquals(200, up.status());
    }

    private HttpResult waitForStatus(int status) {
        return waitFor("GET /api/health to answer " + status, WAIT, () -> get("/api/health"), r -> r.status() == status);
    }
}
