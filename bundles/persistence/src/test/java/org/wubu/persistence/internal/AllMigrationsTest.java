package org.wubu.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.platform.api.persistence.MigrationReport;
import org.wubu.testsupport.TestPostgres;

/**
 * Every bundle's migrations (found in the source tree, so a new bundle is covered without editing
 * this test), applied by the real migrator in one database, on a real PostgreSQL and on Derby: all
 * succeed, every table they create exists, the history names each script with its checksum, and a
 * second start applies nothing. On PostgreSQL the dialect variants replace their portable scripts;
 * on Derby nothing but the portable scripts runs, recorded under their plain names as before.
 */
public class AllMigrationsTest {

    @ClassRule
    public static final TestPostgres POSTGRES = new TestPostgres();

    @Rule
    public final DerbyFixture derby = new DerbyFixture();

    private static final Path BUNDLES = Path.of("..");
    private static final List<String> AT_LEAST = List.of("org.wubu.approvals", "org.wubu.audit", "org.wubu.catalog",
            "org.wubu.media", "org.wubu.orders", "org.wubu.security");
    private static final Pattern BSN = Pattern.compile("<wubu\\.bsn>([^<]+)</wubu\\.bsn>");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)^CREATE\\s+TABLE\\s+([A-Z0-9_]+)");

    @Test
    public void everyBundlesMigrationsRunOnPostgresql() throws Exception {
        DataSource ds = POSTGRES.freshDatabase("all_migrations");
        assertEquals(SqlDialect.POSTGRESQL, SqlDialect.of(ds));
        Map<String, List<MigrationScript>> bundles = migrateAll(ds, SqlDialect.POSTGRESQL);

        List<MigrationScript> orders = bundles.get("org.wubu.orders");
        assertEquals("the orders' triggers are Derby syntax: PostgreSQL runs its own V1", "postgresql/V1__orders.sql",
                script(ds, "org.wubu.orders", "1"));
        assertEquals(SqlDialect.POSTGRESQL, orders.get(0).dialect());
        assertEquals("V2__orders_workflow.sql", script(ds, "org.wubu.orders", "2"));

        // the catalog search merges SKUs in code point order: the term index keeps them so on any database collation
        assertEquals("postgresql/V8__term_sku_code_point_order.sql", script(ds, "org.wubu.catalog", "8"));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT collation_name FROM information_schema.columns"
                     + " WHERE table_name = 'cat_product_term' AND column_name = 'sku'")) {
            assertTrue(rs.next());
            assertEquals("C", rs.getString(1));
        }
    }

    @Test
    public void derbyRunsThePortableScriptsOnlyAsBefore() throws Exception {
        assertEquals(SqlDialect.DERBY, SqlDialect.of(derby.dataSource));
        Map<String, List<MigrationScript>> bundles = migrateAll(derby.dataSource, SqlDialect.DERBY);
        for (Map.Entry<String, List<MigrationScript>> b : bundles.entrySet()) {
            for (MigrationScript s : b.getValue()) {
                assertNull(s.path(), s.dialect());
                assertEquals(s.fileName(), script(derby.dataSource, b.getKey(), s.version()));
            }
        }
        assertEquals("V1__orders.sql", script(derby.dataSource, "org.wubu.orders", "1"));
    }

    /** Migrates every bundle twice and checks history and tables; returns the scripts per bundle. */
    private static Map<String, List<MigrationScript>> migrateAll(DataSource ds, String dialect) throws Exception {
        Map<String, List<MigrationScript>> bundles = bundleScripts(dialect);
        assertTrue("bundles found: " + bundles.keySet(), bundles.keySet().containsAll(AT_LEAST));
        Migrator migrator = new Migrator(ds, Clock.systemUTC());
        migrator.ensureHistoryTable();
        int scripts = 0;
        for (Map.Entry<String, List<MigrationScript>> b : bundles.entrySet()) {
            MigrationReport r = migrator.migrate(b.getKey(), b.getValue());
            assertTrue(b.getKey() + ": " + r.error(), r.ok());
            assertEquals(b.getKey(), versions(b.getValue()), r.applied());
            for (MigrationScript s : b.getValue()) {
                assertEquals(s.path(), s.checksum(), checksum(ds, b.getKey(), s.version()));
                assertEquals(s.path(), script(ds, b.getKey(), s.version()));
                scripts++;
                for (String sql : s.statements()) {
                    Matcher table = CREATE_TABLE.matcher(sql);
                    if (table.find()) {
                        assertEquals(s.path() + " created " + table.group(1), 0, count(ds, table.group(1) + " WHERE 1 = 0"));
                    }
                }
            }
        }
        assertEquals(scripts, count(ds, Migrator.HISTORY));

        // The next start: everything is recorded with the same checksums, nothing runs again.
        for (Map.Entry<String, List<MigrationScript>> b : bundles.entrySet()) {
            MigrationReport again = migrator.migrate(b.getKey(), b.getValue());
            assertTrue(b.getKey() + ": " + again.error(), again.ok());
        }
        assertEquals(scripts, count(ds, Migrator.HISTORY));
        return bundles;
    }

    /** The migration scripts of every bundle module beside this one, by symbolic name. */
    private static Map<String, List<MigrationScript>> bundleScripts(String dialect) throws IOException {
        Map<String, List<MigrationScript>> out = new TreeMap<>();
        try (Stream<Path> modules = Files.list(BUNDLES)) {
            for (Path module : modules.sorted().toList()) {
                Path folder = module.resolve("src/main/resources/db/migration");
                if (Files.isDirectory(folder)) {
                    Matcher bsn = BSN.matcher(Files.readString(module.resolve("pom.xml")));
                    assertTrue(module + " has no wubu.bsn", bsn.find());
                    out.put(bsn.group(1), ScriptFolder.forDialect(folder, dialect));
                }
            }
        }
        return out;
    }

    private static List<String> versions(List<MigrationScript> scripts) {
        List<String> out = new ArrayList<>();
        scripts.stream().sorted().forEach(s -> out.add(s.version()));
        return out;
    }

    private static String script(DataSource ds, String bundle, String version) throws SQLException {
        return history(ds, "SCRIPT", bundle, version);
    }

    private static String checksum(DataSource ds, String bundle, String version) throws SQLException {
        return history(ds, "CHECKSUM", bundle, version);
    }

    private static String history(DataSource ds, String column, String bundle, String version) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + column + " FROM " + Migrator.HISTORY + " WHERE BUNDLE = '" + bundle
                     + "' AND VERSION = '" + version + "'")) {
            return rs.next() ? rs.getString(1).trim() : null;
        }
    }

    private static long count(DataSource ds, String from) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
