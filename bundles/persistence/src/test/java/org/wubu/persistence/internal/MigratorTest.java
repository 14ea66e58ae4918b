package org.wubu.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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

    @Test(expected = IllegalArgumentException.class)
    public void badNamesAreRefused() {
        new MigrationScript("create_tables.sql", "");
    }
}
