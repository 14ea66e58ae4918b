package org.wubu.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Backups carry the media store's files (DB-1 with CMS-9): the designer uploads an image over REST, a
 * backup is taken ({@code backup:run}) while an upload is in flight, {@code backup:verify} checks the image
 * with the database, {@code backup:restore} puts it back into a fresh data folder with the same SHA-256 — and
 * every media row of the restored database finds its file there. A changed image in the backup is reported.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BackupMediaIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration BACKUP_TIMEOUT = Duration.ofSeconds(180);

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"));
    }

    @Before
    public void mediaReady() {
        waitForDemoAccounts();
        waitForHttp200As("designer", "/api/media/limits", WAIT);
    }

    @Test
    public void anUploadedImageIsBackedUpVerifiedAndRestoredWithItsBytes() throws Exception {
        // The 1x1 PNG followed by 300 KB of its own bytes (viewers stop at IEND): an image no other test stores.
        byte[] image = new byte[TINY_PNG.length + 300 * 1024];
        System.arraycopy(TINY_PNG, 0, image, 0, TINY_PNG.length);
        byte[] tail = new byte[image.length - TINY_PNG.length];
        new Random(System.nanoTime()).nextBytes(tail);
        System.arraycopy(tail, 0, image, TINY_PNG.length, tail.length);
        String sha = sha256(image);

        String uploaded = upload("designer", image);
        assertTrue(uploaded, uploaded.contains("\"id\":\"" + sha + "\""));

        Path media = Path.of(System.getProperty("karaf.data"), "media");
        Path stored = media.resolve(sha.substring(0, 2)).resolve(sha);
        assertTrue(Files.isRegularFile(stored));
        // An upload still being received when the backup runs: the media store spools it to .incoming/*.part
        Path inFlight = media.resolve(".incoming").resolve("upload-" + UUID.randomUUID() + ".part");
        Files.createDirectories(inFlight.getParent());
        Files.write(inFlight, TINY_PNG);
        String name;
        try {
            // The shell rather than POST /api/backups: a backup taken while the demo data is still being written
            // can take longer than an HTTP request may wait here.
            String run = executeCommand("backup:run", BACKUP_TIMEOUT);
            Matcher m = Pattern.compile("Backup (\\S+) taken").matcher(run);
            assertTrue(run, m.find());
            name = m.group(1);
        } finally {
            Files.deleteIfExists(inFlight);
        }

        Path backup = Path.of(System.getProperty("karaf.data"), "backups", name);
        String manifest = Files.readString(backup.resolve("manifest.json"), StandardCharsets.UTF_8);
        String entry = "folders/media/" + sha.substring(0, 2) + "/" + sha;
        assertTrue(manifest, Pattern.compile("\"path\" : \"" + entry + "\",\\s*\"size\" : " + image.length
                + ",\\s*\"sha256\" : \"" + sha + "\"").matcher(manifest).find());
        assertFalse("an upload in flight is not a finished file: " + manifest, manifest.contains(".part"));
        assertFalse(manifest, manifest.contains(".incoming"));
        assertArrayEquals(image, Files.readAllBytes(backup.resolve(entry)));

        String verified = executeCommand("backup:verify " + name, BACKUP_TIMEOUT);
        assertTrue(verified, verified.contains(name + ": ok"));

        Path fresh = Path.of(System.getProperty("karaf.data")).resolveSibling("restored-" + UUID.randomUUID());
        String restored = executeCommand("backup:restore " + name + " " + fresh, BACKUP_TIMEOUT);
        assertTrue(restored, restored.contains("restored into " + fresh.resolve("derby/wubu")));
        assertTrue(restored, restored.contains("media files restored into " + fresh.resolve("media")));
        Path back = fresh.resolve("media").resolve(sha.substring(0, 2)).resolve(sha);
        assertArrayEquals(image, Files.readAllBytes(back));
        assertEquals(sha, sha256(Files.readAllBytes(back)));
        assertFalse(Files.exists(fresh.resolve("media/.incoming")));

        // Nothing lost: every media row of the restored database has its file in the restored folder.
        List<String> ids = restoredMediaIds(fresh);
        assertTrue(ids.toString(), ids.contains(sha));
        for (String id : ids) {
            Path file = fresh.resolve("media").resolve(id.substring(0, 2)).resolve(id);
            assertTrue("the file of media " + id + " was restored", Files.isRegularFile(file));
            assertEquals(id, sha256(Files.readAllBytes(file)));
        }

        // A changed image in the backup is found by verify, and such a backup is not restored.
        Files.write(backup.resolve(entry), TINY_PNG);
        String broken = executeCommand("backup:verify " + name, BACKUP_TIMEOUT);
        assertTrue(broken, broken.contains("file changed: " + entry));
        String refused = executeCommand("backup:restore " + name + " " + fresh.resolveSibling("restored-" + UUID.randomUUID()),
                BACKUP_TIMEOUT);
        assertTrue(refused, refused.contains("failed verification"));
    }

    private List<String> restoredMediaIds(Path fresh) throws SQLException {
        Driver derby = waitForService(DataSourceFactory.class, "(osgi.jdbc.driver.name=derby)", WAIT).createDriver(null);
        String url = "jdbc:derby:" + fresh.resolve("derby/wubu");
        List<String> ids = new ArrayList<>();
        try (Connection c = derby.connect(url, new Properties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ID FROM MED_ITEM")) {
            while (rs.next()) {
                ids.add(rs.getString(1).trim());
            }
        } finally {
            try {
                derby.connect(url + ";shutdown=true", new Properties());
            } catch (SQLException expected) {
                // 08006: shut down
            }
        }
        return ids;
    }

    /** Uploads an image as {@code user} through {@code POST /api/media?kind=image}; answers the 201 body. */
    private static String upload(String user, byte[] body) throws IOException {
        BytesAnswer answer = sendBytes("POST", "/api/media?kind=image", user,
                Map.of("Content-Type", "image/png", "X-File-Name", "banner.png"), body);
        assertEquals(answer.text(), 201, answer.status());
        return answer.text();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
