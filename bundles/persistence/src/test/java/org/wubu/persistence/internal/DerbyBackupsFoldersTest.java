package org.wubu.persistence.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.platform.api.backup.BackupContributor;
import org.wubu.platform.api.backup.BackupRestore;

/** Backups carry the contributed folders (the media store's files): copied, listed, verified, restored. */
public class DerbyBackupsFoldersTest {

    @Rule
    public DerbyFixture db = new DerbyFixture();

    private DerbyBackups backups;
    private Path data;
    private Path media;
    private Path backupDir;

    /** Like the media store: files under {@code <2 hex>/<sha256>}, uploads in flight under {@code .incoming/}. */
    private BackupContributor mediaContributor;

    @Before
    public void setUp() throws Exception {
        db.sql("CREATE TABLE T_ITEM (ID INT NOT NULL PRIMARY KEY, NAME VARCHAR(20))",
                "INSERT INTO T_ITEM VALUES (1, 'one')");
        data = db.root.resolve("data");
        media = data.resolve("media");
        backupDir = data.resolve("backups");
        backups = new DerbyBackups(db.dataSource, db.driver, backupDir, data,
                Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC));
        mediaContributor = contributor("media", media);
    }

    @Test
    public void finishedFilesAreCopiedListedAndVerifiedAndFilesInFlightAreNot() throws Exception {
        String image = store(bytes(1, 40_000));
        String video = store(bytes(2, 3 * 1024 * 1024 + 17));
        Files.createDirectories(media.resolve(".incoming"));
        Files.write(media.resolve(".incoming/upload-1.part"), bytes(3, 100));
        Files.write(media.resolve(image.substring(0, 2)).resolve("half-written.part"), bytes(4, 100));

        BackupManifest m = backups.take("test", "0.1.0", List.of(mediaContributor));

        assertEquals(2, m.format());
        assertEquals(1, m.folders().size());
        BackupManifest.FolderEntry folder = m.folders().get(0);
        assertEquals("media", folder.name());
        assertEquals("folders/media", folder.path());
        assertEquals("media", folder.restoreTo());
        assertEquals(2, folder.fileCount());
        assertEquals(40_000 + 3 * 1024 * 1024 + 17, folder.bytes());
        Map<String, String> listed = m.files().stream().filter(f -> f.path().startsWith("folders/"))
                .collect(Collectors.toMap(BackupManifest.FileEntry::path, BackupManifest.FileEntry::sha256));
        assertEquals(Map.of("folders/media/" + image.substring(0, 2) + "/" + image, image,
                "folders/media/" + video.substring(0, 2) + "/" + video, video), listed);
        assertTrue(m.sizeBytes() > folder.bytes());
        assertEquals(List.of(), backups.verify(m.name()));
        assertFalse(Files.exists(backupDir.resolve(m.name() + ".partial")));
    }

    @Test
    public void verifyFindsAChangedMissingOrAddedMediaFile() throws Exception {
        String image = store(bytes(1, 5000));
        BackupManifest m = backups.take("test", "0.1.0", List.of(mediaContributor));
        Path copy = backupDir.resolve(m.name()).resolve("folders/media").resolve(image.substring(0, 2)).resolve(image);

        Files.write(copy, bytes(9, 5000));
        assertEquals(List.of("file changed: folders/media/" + image.substring(0, 2) + "/" + image), backups.verify(m.name()));
        Files.delete(copy);
        assertEquals(List.of("file missing: folders/media/" + image.substring(0, 2) + "/" + image), backups.verify(m.name()));
        Files.write(copy, bytes(1, 5000));
        Files.write(copy.resolveSibling("extra"), bytes(1, 5));
        assertEquals(List.of("file not in the manifest: folders/media/" + image.substring(0, 2) + "/extra"),
                backups.verify(m.name()));
    }

    @Test
    public void restorePutsTheFilesBackBesideTheDatabase() throws Exception {
        byte[] content = bytes(5, 250_000);
        String image = store(content);
        BackupManifest m = backups.take("test", "0.1.0", List.of(mediaContributor));
        store(bytes(6, 10)); // after the backup: not restored

        Path fresh = db.root.resolve("fresh-data");
        BackupRestore restored = backups.restore(m.name(), fresh);

        assertEquals(fresh.resolve("derby/wubu").toAbsolutePath(), restored.database());
        Path place = fresh.resolve("media").toAbsolutePath();
        assertEquals(Map.of("media", place), restored.folders());
        Path file = place.resolve(image.substring(0, 2)).resolve(image);
        assertArrayEquals(content, Files.readAllBytes(file));
        assertEquals(image, sha256(Files.readAllBytes(file)));
        try (Stream<Path> all = Files.walk(place)) {
            assertEquals(1, all.filter(Files::isRegularFile).count());
        }
        assertFalse(Files.exists(fresh.resolve("media.partial")));
    }

    @Test
    public void restoreRefusesAFolderThatIsNotEmptyBeforeWritingAnything() throws Exception {
        store(bytes(1, 100));
        BackupManifest m = backups.take("test", "0.1.0", List.of(mediaContributor));
        Path fresh = db.root.resolve("fresh-data");
        Files.createDirectories(fresh.resolve("media"));
        Files.write(fresh.resolve("media/someone-elses"), bytes(2, 10));

        assertThrows(FileAlreadyExistsException.class, () -> backups.restore(m.name(), fresh));
        assertFalse("no database was created", Files.exists(fresh.resolve("derby")));

        Files.delete(fresh.resolve("media/someone-elses"));
        assertEquals(1, backups.restore(m.name(), fresh).folders().size());
    }

    @Test
    public void aFolderOutsideTheDataFolderIsRestoredUnderItsName() throws Exception {
        Path elsewhere = db.root.resolve("shared-media");
        Files.createDirectories(elsewhere);
        Files.write(elsewhere.resolve("a.bin"), bytes(7, 64));
        BackupManifest m = backups.take("test", "0.1.0", List.of(contributor("media", elsewhere)));
        assertEquals("media", m.folders().get(0).restoreTo());
        assertEquals(elsewhere.toAbsolutePath().toString(), m.folders().get(0).source());

        BackupRestore restored = backups.restore(m.name(), db.root.resolve("fresh"));
        assertArrayEquals(bytes(7, 64), Files.readAllBytes(restored.folders().get("media").resolve("a.bin")));
    }

    @Test
    public void aMissingFolderGivesAnEmptyOneAndBadContributorsFailTheBackup() throws Exception {
        BackupManifest m = backups.take("test", "0.1.0", List.of(mediaContributor));
        assertEquals(0, m.folders().get(0).fileCount());
        assertEquals(List.of(), backups.verify(m.name()));
        assertTrue(Files.isDirectory(backups.restore(m.name(), db.root.resolve("fresh")).folders().get("media")));

        IllegalStateException badName = assertThrows(IllegalStateException.class,
                () -> backups.take("test", "0.1.0", List.of(contributor("Media/..", media))));
        assertTrue(badName.getMessage(), badName.getMessage().contains("'Media/..'"));
        assertThrows(IllegalStateException.class,
                () -> backups.take("test", "0.1.0", List.of(mediaContributor, contributor("media", data.resolve("other")))));
        IllegalStateException loop = assertThrows(IllegalStateException.class,
                () -> backups.take("test", "0.1.0", List.of(contributor("everything", data))));
        assertTrue(loop.getMessage(), loop.getMessage().contains("holds the backups"));
        assertEquals("a failed backup leaves nothing behind", 1, backups.list().size());
        try (Stream<Path> s = Files.list(backupDir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
        }
    }

    @Test
    public void aBackupOfTheFirstFormatStillVerifiesAndRestores() throws Exception {
        BackupManifest m = backups.take("test", "0.1.0");
        Path file = backupDir.resolve(m.name()).resolve(BackupManifest.FILE_NAME);
        ObjectMapper json = new ObjectMapper();
        ObjectNode old = (ObjectNode) json.readTree(file.toFile());
        old.remove("folders");
        old.put("format", 1);
        json.writeValue(file.toFile(), old);

        assertEquals(List.of(), backups.verify(m.name()));
        assertEquals(Map.of(), backups.restore(m.name(), db.root.resolve("fresh")).folders());
    }

    private static BackupContributor contributor(String name, Path folder) {
        return new BackupContributor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Path folder() {
                return folder;
            }

            @Override
            public boolean includes(String relativePath) {
                return !relativePath.startsWith(".incoming/");
            }
        };
    }

    /** Stores bytes the way the media store does; returns their SHA-256. */
    private String store(byte[] content) throws IOException {
        String id = sha256(content);
        Path file = media.resolve(id.substring(0, 2)).resolve(id);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content);
        }
        return id;
    }

    private static byte[] bytes(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
