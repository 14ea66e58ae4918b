package org.wubu.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

public class DerbyBackupsTest {

    @Rule
    public DerbyFixture db = new DerbyFixture();

    private DerbyBackups backups;
    private Path backupDir;

    @Before
    public void setUp() throws Exception {
        db.sql("CREATE TABLE AUDIT_ENTRY (SEQ BIGINT NOT NULL PRIMARY KEY, HASH CHAR(64) NOT NULL)",
                "INSERT INTO AUDIT_ENTRY VALUES (1, '" + "a".repeat(64) + "'), (2, '" + "b".repeat(64) + "')",
                "CREATE TABLE T_ITEM (ID INT NOT NULL PRIMARY KEY, NAME VARCHAR(20))",
                "INSERT INTO T_ITEM VALUES (1, 'one'), (2, 'two'), (3, '三')");
        backupDir = db.root.resolve("data/backups");
        backups = new DerbyBackups(db.dataSource, db.driver, backupDir,
                Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    public void backupManifestDescribesTheCopy() throws Exception {
        BackupManifest m = backups.take("test", "0.1.0");
        assertEquals("2026-11-27T03-00-00Z", m.name());
        assertEquals(Long.valueOf(3), m.rowCounts().get("APP.T_ITEM"));
        assertEquals(Long.valueOf(2), m.auditHeadSequence());
        assertEquals("b".repeat(64), m.auditHeadHash());
        assertTrue(m.sizeBytes() > 0);
        assertTrue(Files.exists(backupDir.resolve(m.name()).resolve("manifest.json")));
        assertEquals(List.of(), backups.verify(m.name()));
        // Names stay unique even within one second.
        assertEquals("2026-11-27T03-00-00Z-2", backups.take("test", "0.1.0").name());
        assertEquals(2, backups.list().size());
    }

    @Test
    public void restoreGivesEveryRowBackInAFreshDataFolder() throws Exception {
        BackupManifest m = backups.take("test", "0.1.0");
        db.sql("INSERT INTO T_ITEM VALUES (4, 'after the backup')");
        Path fresh = db.root.resolve("fresh-data");
        Path restored = backups.restoreInto(m.name(), fresh);
        assertEquals(fresh.resolve("derby/wubu").toAbsolutePath(), restored);
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + restored);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ID, NAME FROM T_ITEM ORDER BY ID")) {
            StringBuilder rows = new StringBuilder();
            while (rs.next()) {
                rows.append(rs.getInt(1)).append('=').append(rs.getString(2)).append(' ');
            }
            assertEquals("1=one 2=two 3=三 ", rows.toString());
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:" + restored + ";shutdown=true");
            } catch (java.sql.SQLException expected) {
                // shut down
            }
        }
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> backups.restoreInto("nope", fresh));
        assertTrue(again.getMessage().contains("no backup named 'nope'"));
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> backups.restoreInto(m.name(), fresh));
    }

    @Test
    public void verifyFindsAChangedOrMissingFile() throws Exception {
        BackupManifest m = backups.take("test", "0.1.0");
        Path dir = backupDir.resolve(m.name());
        Path someFile = dir.resolve(m.files().get(m.files().size() - 1).path());
        Files.write(someFile, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        List<String> problems = backups.verify(m.name());
        assertFalse(problems.isEmpty());
        assertTrue(problems.toString(), problems.get(0).startsWith("file changed: "));
        Files.delete(someFile);
        assertTrue(backups.verify(m.name()).get(0).startsWith("file missing: "));
        assertThrows(IllegalArgumentException.class, () -> backups.restoreInto(m.name(), db.root.resolve("x")));
    }

    @Test
    public void pruneKeepsTheNewest() throws Exception {
        backups.take("a", "v");
        backups.take("b", "v");
        BackupManifest newest = backups.take("c", "v");
        assertEquals(2, backups.prune(1).size());
        assertEquals(List.of(newest.name()), backups.list().stream().map(BackupManifest::name).toList());
        assertEquals(0, backups.prune(0).size());
    }

    @Test
    public void badNamesAreRefusedBeforeTouchingTheDisk() {
        assertFalse(backups.verify("../etc").isEmpty());
    }
}
