package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
import org.wubu.platform.api.ShopClock;

/**
 * The daily order record (ORD-4) on the real assembly in demo mode: with the seal time moved to a few
 * seconds from now, the day's demo orders are sealed by the scheduler into &lt;folder&gt;/&lt;date&gt;,
 * listed and downloadable over REST for the dba level only, verified by {@code orders:seal-verify} and
 * REST, and an edited records.jsonl is reported.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OrderSealIT extends WubuTestSupport {

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"),
                // The daily record's checks in data/log/karaf.log: when a run is missed, the log says what it saw.
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.wubuseal.name", "org.wubu.orders.seal"),
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.wubuseal.level", "INFO"));
    }

    @Test
    public void aDayWithOrdersIsSealedVerifiedAndAnEditedFileIsCaught() throws Exception {
        // Demo mode places a few orders at start; wait for them (the CS manager may read orders).
        waitForDemoOrders();

        // Move the end of the day's window to 30 s from now (the scheduler seals it 1 s after that; 30 s leave slack
        // for a slow reconfiguration), into a fresh folder: at start the seal of the last 18:00 may already have
        // been written, before the demo orders existed.
        ShopClock clock = waitForService(ShopClock.class, null, Duration.ofSeconds(30));
        ZonedDateTime end = ZonedDateTime.now(clock.zone()).plusSeconds(30).withNano(0);
        String date = end.toLocalDate().toString();
        ConfigurationAdmin cm = bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
        org.osgi.service.cm.Configuration seal = cm.getConfiguration("org.wubu.orders.seal", null);
        Dictionary<String, Object> props = seal.getProperties() == null ? new Hashtable<>() : seal.getProperties();
        props.put("time", end.format(DateTimeFormatter.ofPattern("HH:mm:ss")));
        props.put("settleSeconds", "1");
        Path folder = Path.of(System.getProperty("karaf.data"), "backups", "orders-it");
        props.put("folder", folder.toString());
        seal.update(props);

        // The scheduler seals the day 1 s after its end; nobody asks for it.
        HttpResult item = waitForSeal("/api/orders-seals/" + date, Duration.ofSeconds(60));
        long records = number(item.body(), "records");
        assertTrue("the day's demo orders are in the seal: " + item.body(), records >= 2);
        assertTrue("written by the schedule: " + item.body(), item.body().contains("\"trigger\":\"schedule\""));

        HttpResult list = http("GET", "/api/orders-seals", null, basicAuth("it", DEMO_PASSWORD));
        assertEquals(list.body(), 200, list.status());
        assertTrue(list.body(), list.body().contains("\"date\":\"" + date + "\""));
        HttpResult file = http("GET", "/api/orders-seals/" + date + "/records.jsonl", null, basicAuth("it", DEMO_PASSWORD));
        assertEquals(200, file.status());
        assertEquals(records, file.body().lines().count());
        HttpResult manifest = http("GET", "/api/orders-seals/" + date + "/manifest.json", null, basicAuth("it", DEMO_PASSWORD));
        assertTrue(manifest.body(), manifest.body().contains("\"rule\" : \"from <= occurredAt < to\""));
        assertEquals("only the dba level", 403, http("GET", "/api/orders-seals", null, basicAuth("delivery", DEMO_PASSWORD)).status());
        assertEquals("a CS agent reads orders but not the sealed files", 403,
                http("GET", "/api/orders-seals/" + date + "/records.jsonl", null, basicAuth("agent", DEMO_PASSWORD)).status());

        String intact = executeCommand("orders:seal-verify " + date);
        assertTrue(intact, intact.contains(date + " intact, " + records + " records match the database"));
        HttpResult verified = http("POST", "/api/orders-seals/" + date + "/verify", "", basicAuth("it", DEMO_PASSWORD));
        assertEquals(verified.body(), 200, verified.status());
        assertTrue(verified.body(), verified.body().contains("\"ok\":true"));
        String listed = executeCommand("orders:seal-list");
        assertTrue(listed, listed.contains(date));
        HttpResult health = get("/api/health");
        assertTrue(health.body(), health.body().contains("orders-seal"));

        // Someone edits the sealed file on disk.
        Path sealed = folder.resolve(date).resolve("records.jsonl");
        List<String> lines = Files.readAllLines(sealed, StandardCharsets.UTF_8);
        lines.set(0, lines.get(0).replace("\"actor\":\"", "\"actor\":\"x"));
        Files.write(sealed, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        String broken = executeCommand("orders:seal-verify " + date);
        assertTrue(broken, broken.contains(date + " differs: records.jsonl was changed after sealing"));
        assertTrue(broken, broken.contains("differs in actor"));
        HttpResult refused = http("POST", "/api/orders-seals/" + date + "/verify", "", basicAuth("it", DEMO_PASSWORD));
        assertTrue(refused.body(), refused.body().contains("\"ok\":false"));
    }

    /** {@link #waitForHttp200As} as the IT administrator, with the health report (it names the seal's state) in a failure. */
    private static HttpResult waitForSeal(String path, Duration timeout) {
        try {
            return waitForHttp200As("it", path, timeout);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; health: " + get("/api/health").body(), e);
        }
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertTrue(field + " in " + json, m.find());
        return Long.parseLong(m.group(1));
    }
}
