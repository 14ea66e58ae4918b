package org.wubu.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.platform.api.persistence.MigrationReport;

public class MigratorTest {

    @Rule
    public DerbyFixture db = new DerbyFixture();

    private Migrator migrator;

    private static final MigrationScript V1 = new MigrationScript("V1__things.sql",
            "-- the first table; a comment with a ; inside\nCREATE TABLE T_THING (ID BIGINT NOT NULL PRIMARY KEY, NAME VARCHAR(50));\n"
            + "INSERT INTO T_THING VALUES (1, 'semi;colon');\n");
    private static final MigrationScript V2 = new MigrationScript("V2__more.sql", "ALTER TABLE T_THING ADD COLUMN NOTE VARCHAR(20)");

    @Before
    public void setUp() throws Exception {
        migrator = new Migrator(db.dataSource, Clock.systemUTC());
        migrator.ensureHistoryTable();
        migrator.ensureHistoryTable(); // idempotent
    }

    @Test
    public void appliesInVersionOrderOnceAndRecordsEach() throws Exception {
        MigrationReport first = migrator.migrate("org.example", List.of(V2, V1));
        assertTrue(first.error(), first.ok());
        assertEquals(List.of("1", "2"), first.applied());
        assertEquals(2, db.count("WUBU_SCHEMA_HISTORY WHERE BUNDLE = 'org.example'"));

        MigrationReport again = migrator.migrate("org.example", List.of(V1, V2));
        assertTrue(again.ok());
        assertEquals(1, db.count("T_THING")); // the INSERT did not run twice
        assertEquals(2, db.count("WUBU_SCHEMA_HISTORY"));
    }

    @Test
    public void alteredScriptIsRefusedAndNamed() {
        migrator.migrate("org.example", List.of(V1));
        MigrationScript edited = new MigrationScript("V1__things.sql", "CREATE TABLE T_OTHER (ID INT)");
        MigrationReport r = migrator.migrate("org.example", List.of(edited, V2));
        assertFalse(r.ok());
        assertTrue(r.error(), r.error().contains("V1__things.sql was changed after it was applied"));
        assertEquals(List.of(), r.applied());
    }

    @Test
    public void failedScriptLeavesNothingBehind() throws Exception {
        MigrationScript bad = new MigrationScript("V1__bad.sql",
                "CREATE TABLE T_HALF (ID INT);\nINSERT INTO T_NOWHERE VALUES (1)");
        MigrationReport r = migrator.migrate("org.bad", List.of(bad));
        assertFalse(r.ok());
        assertTrue(r.error(), r.error().contains("V1__bad.sql failed at statement 2 of 2"));
        assertEquals(0, db.count("WUBU_SCHEMA_HISTORY WHERE BUNDLE = 'org.bad'"));
        try {
            db.count("T_HALF");
            throw new AssertionError("T_HALF should have been rolled back");
        } catch (java.sql.SQLException expected) {
            // the CREATE TABLE was rolled back with the failed INSERT
        }
    }

    @Test
    public void bundlesHaveSeparateHistories() {
        assertTrue(migrator.migrate("org.a", List.of(V1)).ok());
        MigrationScript otherV1 = new MigrationScript("V1__other.sql", "CREATE TABLE T_B (ID INT)");
        assertTrue(migrator.migrate("org.b", List.of(otherV1)).ok());
    }

    @Test
    public void duplicateVersionsAreRefused() {
        MigrationScript dup = new MigrationScript("V1.0__dup.sql", "CREATE TABLE T_DUP (ID INT)");
        MigrationReport r = migrator.migrate("org.dup", List.of(V1, dup));
        assertFalse(r.ok());
        assertTrue(r.error(), r.error().contains("two scripts for version"));
    }

    @Test
    public void scriptsParseAndOrder() {
        assertEquals(2, V1.statements().size());
        assertEquals("INSERT INTO T_THING VALUES (1, 'semi;colon')", V1.statements().get(1));
        assertTrue(MigrationScript.compareVersions("2", "10") < 0);
        assertTrue(MigrationScript.compareVersions("1.1", "1") > 0);
        assertEquals(V1.checksum(), new MigrationScript("V1__things.sql",
                "-- the first table; a comment with a ; inside\r\nCREATE TABLE T_THING (ID BIGINT NOT NULL PRIMARY KEY, NAME VARCHAR(50));\r\n"
                + "INSERT INTO T_THING VALUES (1, 'semi;colon');\r\n").checksum());
    }

    @Test
    public void aDialectVariantReplacesItsPortableScriptAndIsRecordedUnderItsPath() throws Exception {
        MigrationScript variant = new MigrationScript("derby", "V2__more.sql", "ALTER TABLE T_THING ADD COLUMN NOTE VARCHAR(40)");
        List<MigrationScript> scripts = MigrationScript.forDialect(List.of(V1, V2), List.of(variant));
        assertEquals(List.of(V1, variant), scripts);
        assertEquals("derby/V2__more.sql", variant.path());
        assertTrue(migrator.migrate("org.example", scripts).ok());
        db.sql("INSERT INTO T_THING VALUES (2, 'two', '" + "x".repeat(40) + "')");
        try (java.sql.Connection c = db.dataSource.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT SCRIPT, CHECKSUM FROM WUBU_SCHEMA_HISTORY WHERE VERSION = '2'")) {
            assertTrue(rs.next());
            assertEquals("derby/V2__more.sql", rs.getString(1));
            assertEquals(variant.checksum(), rs.getString(2));
        }
        // Without its variant the database would now run another script for version 2: refused, and said so.
        MigrationReport r = migrator.migrate("org.example", MigrationScript.forDialect(List.of(V1, V2), List.of()));
        assertFalse(r.ok());
        assertTrue(r.error(), r.error().contains("version 2 was applied from derby/V2__more.sql but would now be V2__more.sql"));
    }

    @Test
    public void aVariantNeedsAPortableScriptOfItsVersionAndOnlyOne() {
        MigrationScript lonely = new MigrationScript("postgresql", "V3__only_here.sql", "SELECT 1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MigrationScript.forDialect(List.of(V1, V2), List.of(lonely)));
        assertTrue(e.getMessage(), e.getMessage().contains("postgresql/V3__only_here.sql has no portable script of version 3"));
        MigrationScript a = new MigrationScript("postgresql", "V1__a.sql", "SELECT 1");
        MigrationScript b = new MigrationScript("postgresql", "V1.0__b.sql", "SELECT 1");
        e = assertThrows(IllegalArgumentException.class, () -> MigrationScript.forDialect(List.of(V1), List.of(a, b)));
        assertTrue(e.getMessage(), e.getMessage().contains("two scripts for version"));
    }

    @Test
    public void dollarQuotedBodiesStayWhole() {
        MigrationScript pg = new MigrationScript("postgresql", "V1__fn.sql",
                "CREATE FUNCTION F() RETURNS TRIGGER LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION 'no; -- never';\nEND\n$$;\n"
                + "CREATE FUNCTION G() RETURNS INT LANGUAGE sql AS $body$ SELECT 1; $body$;\n"
                + "-- a comment; with a semicolon\nCREATE TABLE A$B (ID INT);\nINSERT INTO A$B VALUES (1)");
        List<String> statements = pg.statements();
        assertEquals(statements.toString(), 4, statements.size());
        assertEquals("CREATE FUNCTION F() RETURNS TRIGGER LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION 'no; -- never';\nEND\n$$",
                statements.get(0));
        assertEquals("CREATE FUNCTION G() RETURNS INT LANGUAGE sql AS $body$ SELECT 1; $body$", statements.get(1));
        assertEquals("CREATE TABLE A$B (ID INT)", statements.get(2));
        assertEquals("INSERT INTO A$B VALUES (1)", statements.get(3));
    }

    @Test
    public void dialectsAreNamedAfterTheProduct() {
        assertEquals("derby", SqlDialect.of("Apache Derby"));
        assertEquals("postgresql", SqlDialect.of("PostgreSQL"));
        assertEquals("h2", SqlDialect.of("H2"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void badNamesAreRefused() {
        new MigrationScript("create_tables.sql", "");
    }
}
