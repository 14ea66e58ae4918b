package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import org.junit.Before;
import org.junit.FixMethodOrder;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.jdbc.DataSourceFactory;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.audit.AuditQuery;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * The foundation's scenarios on the real assembly: the audit log (persisted, chained, tamper
 * detected), per-bundle migrations (applied once, recorded, failures stop the bundle and show in
 * health), backup then restore into a fresh data folder, and a hot swap of the audit bundle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PlatformIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TEST_BUNDLE = "org.wubu.itests.migrations";
    /** The demo IT administrator: may read and verify the audit log. */
    private static final Map<String, String> IT_ADMIN = basicAuth("it", DEMO_PASSWORD);

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"));
    }

    @Before
    public void demoAccountsReady() {
        waitForDemoAccounts();
    }

    private AuditService audit() {
        return waitForService(AuditService.class, null, WAIT);
    }

    private DataSource dataSource() {
        return waitForService(DataSource.class, "(osgi.jndi.service.name=wubu)", WAIT);
    }

    @Test
    public void a_auditEntriesArePersistedChainedAndServed() {
        String subject = "itest:" + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            audit().record(Caller.SYSTEM, "itest.step", subject, "step " + i + " 五步");
        }
        HttpResult anonymous = get("/api/audit?subject=" + subject);
        assertEquals(anonymous.toString(), 401, anonymous.status());
        HttpResult listed = http("GET", "/api/audit?subject=" + subject + "&limit=2", null, IT_ADMIN);
        assertEquals(listed.toString(), 200, listed.status());
        assertTrue(listed.body(), listed.body().contains("\"details\":\"step 3 五步\""));
        assertTrue("paged: a next link for the third entry, got " + listed.body(), listed.body().contains("\"next\":\"/api/audit?before="));
        HttpResult bad = http("GET", "/api/audit?limit=9999", null, IT_ADMIN);
        assertEquals(bad.toString(), 400, bad.status());
        assertTrue(bad.body(), bad.body().contains("\"error\":\"invalid\""));
        long recorded = audit().count();
        String verify = executeCommand("audit:verify");
        Matcher intact = Pattern.compile("Audit log intact, (\\d+) entries").matcher(verify);
        assertTrue(verify, intact.find());
        assertTrue(verify, Long.parseLong(intact.group(1)) >= recorded);
    }

    @Test
    public void b_aRowAlteredBySqlIsCaughtByAuditVerify() throws SQLException {
        long seq = audit().record(Caller.SYSTEM, "itest.tamper", "itest:tamper", "the truth").sequence();
        audit().record(Caller.SYSTEM, "itest.tamper", "itest:tamper", "after it");
        try (Connection c = dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE AUDIT_ENTRY SET DETAILS = ? WHERE SEQ = ?")) {
            ps.setString(1, "a lie");
            ps.setLong(2, seq);
            assertEquals(1, ps.executeUpdate());
            String broken = executeCommand("audit:verify");
            assertTrue(broken, broken.contains("broken at entry " + seq));
            assertTrue(broken, broken.contains("altered"));
            ps.setString(1, "the truth");
            ps.executeUpdate();
        }
        String intact = executeCommand("audit:verify");
        assertTrue(intact, intact.contains("intact"));
    }

    @Test
    public void c_migrationsAreAppliedOnceRecordedAndAlteredOnesStopTheBundle() throws Exception {
        assertEquals("V1 and V2 of the audit log, each once", 2, historyRows("org.wubu.audit"));
        Bundle b = bundleContext.installBundle("itest:migrations", jar(Map.of(
                "db/migration/V1__things.sql", "CREATE TABLE ITEST_THING (ID INT NOT NULL PRIMARY KEY);\nINSERT INTO ITEST_THING VALUES (1)")));
        try {
            b.start();
            assertNotNull(waitForService(SchemaReady.class, "(wubu.schema=" + TEST_BUNDLE + ")", WAIT));
            assertEquals(1, historyRows(TEST_BUNDLE));

            // A new version of the bundle adds V2; V1 is not run again (its INSERT would fail).
            b.update(jar(Map.of(
                    "db/migration/V1__things.sql", "CREATE TABLE ITEST_THING (ID INT NOT NULL PRIMARY KEY);\nINSERT INTO ITEST_THING VALUES (1)",
                    "db/migration/V2__more.sql", "ALTER TABLE ITEST_THING ADD COLUMN NAME VARCHAR(20)")));
            assertNotNull(waitForService(SchemaReady.class, "(&(wubu.schema=" + TEST_BUNDLE + ")(wubu.schema.version=2))", WAIT));
            assertEquals(2, historyRows(TEST_BUNDLE));
            assertEquals(1, count("ITEST_THING"));

            // An applied script that was edited: the schema is not ready, health says why.
            b.update(jar(Map.of("db/migration/V1__things.sql", "CREATE TABLE ITEST_OTHER (ID INT)",
                    "db/migration/V2__more.sql", "ALTER TABLE ITEST_THING ADD COLUMN NAME VARCHAR(20)")));
            assertTrue("no SchemaReady for an altered migration",
                    bundleContext.getServiceReferences(SchemaReady.class, "(wubu.schema=" + TEST_BUNDLE + ")").isEmpty());
            HttpResult health = get("/api/health");
            assertEquals(health.toString(), 200, health.status());
            assertEquals(health.body(), "DEGRADED", healthStatus(health.body()));
            assertTrue(health.body(), health.body().contains("V1__things.sql was changed after it was applied"));

            // A script that fails is rolled back and reported.
            b.update(jar(Map.of("db/migration/V1__things.sql", "CREATE TABLE ITEST_THING (ID INT NOT NULL PRIMARY KEY);\nINSERT INTO ITEST_THING VALUES (1)",
                    "db/migration/V2__more.sql", "ALTER TABLE ITEST_THING ADD COLUMN NAME VARCHAR(20)",
                    "db/migration/V3__bad.sql", "CREATE TABLE ITEST_HALF (ID INT);\nINSERT INTO NO_SUCH_TABLE VALUES (1)")));
            health = get("/api/health");
            assertTrue(health.body(), health.body().contains("V3__bad.sql failed at statement 2 of 2"));
            assertEquals(2, historyRows(TEST_BUNDLE));
        } finally {
            b.uninstall();
        }
        HttpResult health = get("/api/health");
        assertEquals("an uninstalled bundle no longer degrades health: " + health.body(), "UP", healthStatus(health.body()));
    }

    /**
     * Waits (bounded) until the demo catalog is written and nothing has been audited for 5 s: areas write their start-up entries in the
     * background (the orders' catch-up seal, payment checks), and a row written between reading the live
     * tables and taking the backup would look like a lost row.
     */
    private void awaitQuietAudit() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        // The demo catalog is written in one long transaction with no audit entry until its end, and its images
        // follow; a quiet spell before that end is no quiet at all.
        while (audit().list(Caller.SYSTEM, new AuditQuery(null, null, "catalog.products.seeded", null, null, null, 1)).items().isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        long last = audit().count();
        int quiet = 0;
        while (quiet < 5 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = audit().count();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }

    @Test
    public void d_backupThenRestoreIntoAFreshDataFolderGivesEveryRowBack() throws Exception {
        awaitQuietAudit();
        audit().record(Caller.SYSTEM, "itest.backup", "itest:backup", "before the backup");
        Map<String, List<String>> before;
        try (Connection c = dataSource().getConnection()) {
            before = allRows(c);
        }
        String run = executeCommand("backup:run", Duration.ofSeconds(120));
        Matcher m = Pattern.compile("Backup (\\S+) taken").matcher(run);
        assertTrue(run, m.find());
        String name = m.group(1);
        String list = executeCommand("backup:list");
        assertTrue(list, list.contains(name));
        String verified = executeCommand("backup:verify " + name, Duration.ofSeconds(120));
        assertTrue(verified, verified.contains(name + ": ok"));

        Path fresh = Path.of(System.getProperty("karaf.data")).resolveSibling("restored-" + UUID.randomUUID());
        String restored = executeCommand("backup:restore " + name + " " + fresh, Duration.ofSeconds(120));
        assertTrue(restored, restored.contains("restored into " + fresh.resolve("derby/wubu")));

        Driver derby = waitForService(DataSourceFactory.class, "(osgi.jdbc.driver.name=derby)", WAIT).createDriver(null);
        String url = "jdbc:derby:" + fresh.resolve("derby/wubu");
        try (Connection c = derby.connect(url, new Properties())) {
            Map<String, List<String>> after = allRows(c);
            assertEquals(before.keySet(), after.keySet());
            for (String table : before.keySet()) {
                assertEquals("rows of " + table, before.get(table), after.get(table));
            }
        } finally {
            try {
                derby.connect(url + ";shutdown=true", new Properties());
            } catch (SQLException expected) {
                // 08006: shut down
            }
        }
        String again = executeCommand("backup:restore " + name + " " + fresh);
        assertTrue("restoring over an existing database is refused: " + again, again.contains("already there"));
    }

    @Test
    public void e_hotSwapOfTheAuditBundleKeepsEveryEntryAndTheEndpointComesBack() throws Exception {
        awaitQuietAudit();
        audit().record(Caller.SYSTEM, "itest.swap", "itest:swap", "before the update");
        long before = audit().count();
        Bundle auditBundle = bundle("org.wubu.audit");
        List<String> stoppedOthers = new CopyOnWriteArrayList<>();
        SynchronousBundleListener listener = e -> {
            if (e.getType() == BundleEvent.STOPPED && e.getBundle().getBundleId() != auditBundle.getBundleId()) {
                stoppedOthers.add(e.getBundle().getSymbolicName());
            }
        };
        bundleContext.addBundleListener(listener);
        try {
            String out = executeCommand("bundle:update " + auditBundle.getBundleId());
            assertFalse(out, out.toLowerCase().contains("error"));
            HttpResult back = waitForHttp200As("it", "/api/audit?limit=1", WAIT);
            assertEquals(back.toString(), 200, back.status());
            assertEquals("every entry kept", before, audit().count());
            assertTrue(executeCommand("audit:verify").contains("intact"));
            assertEquals("no other bundle was stopped or refreshed", List.of(), stoppedOthers);
        } finally {
            bundleContext.removeBundleListener(listener);
        }
    }

    @Test
    public void f_backupsOverRestForTheDbaOnly() {
        Map<String, String> json = new java.util.HashMap<>(IT_ADMIN);
        json.put("Content-Type", "application/json");
        HttpResult taken = http("POST", "/api/backups", null, json);
        assertEquals(taken.toString(), 201, taken.status());
        Matcher name = Pattern.compile("\"name\":\"([^\"]+)\"").matcher(taken.body());
        assertTrue(taken.body(), name.find());
        HttpResult listed = http("GET", "/api/backups", null, IT_ADMIN);
        assertTrue(listed.body(), listed.body().contains(name.group(1)));
        HttpResult verified = http("POST", "/api/backups/" + name.group(1) + "/verify", null, json);
        assertEquals(verified.toString(), 200, verified.status());
        assertTrue(verified.body(), verified.body().contains("\"ok\":true"));
        // An editor without the dba level may not even list them.
        assertEquals(403, http("GET", "/api/backups", null, basicAuth("planner", DEMO_PASSWORD)).status());
        assertEquals(404, http("POST", "/api/backups/no-such-backup/verify", null, json).status());
    }

    // ---- helpers ----

    private Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private long historyRows(String bundle) throws SQLException {
        try (Connection c = dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM WUBU_SCHEMA_HISTORY WHERE BUNDLE = ?")) {
            ps.setString(1, bundle);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count(String table) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every row of every user table, each rendered as text, in primary-key order. */
    private static Map<String, List<String>> allRows(Connection c) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, "APP", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String t : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM APP." + t + " ORDER BY 1, 2")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                out.put(t, rows);
            }
        }
        return out;
    }

    private static final java.util.concurrent.atomic.AtomicInteger VERSIONS = new java.util.concurrent.atomic.AtomicInteger();

    /** A minimal bundle that ships only migration scripts. */
    private static ByteArrayInputStream jar(Map<String, String> files) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", TEST_BUNDLE);
        a.putValue("Bundle-Version", "1.0." + VERSIONS.incrementAndGet());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, mf)) {
            for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
                out.putNextEntry(new JarEntry(f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

}
