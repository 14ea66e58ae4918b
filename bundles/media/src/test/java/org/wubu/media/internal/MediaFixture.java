package org.wubu.media.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.junit.rules.ExternalResource;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.media.MediaKind;
import org.wubu.platform.api.media.MediaLimit;
import org.wubu.platform.api.media.MediaLimits;
import org.wubu.testsupport.MovableClock;
import org.wubu.testsupport.RecordingAudit;
import org.wubu.testsupport.TestDatabase;

/** A media store on a fresh Derby with the bundle's migrations and a folder of its own under target/. */
class MediaFixture extends ExternalResource {

    static final Caller SPECIALIST = new Caller("specialist", Set.of("content-specialist"), Set.of("catalog.read", "media.upload"));
    static final Caller WAREHOUSE = new Caller("warehouse", Set.of("warehouse"), Set.of("catalog.read"));

    /** Small limits, so that tests cross them with little data: images 1 KB, videos 2 KB, documents 4 KB. */
    static final MediaLimits LIMITS = new MediaLimits(List.of(
            new MediaLimit(MediaKind.IMAGE, 1024, List.of("image/jpeg", "image/png", "image/webp", "image/gif")),
            new MediaLimit(MediaKind.VIDEO, 2048, List.of("video/mp4", "video/webm")),
            new MediaLimit(MediaKind.DOCUMENT, 4096, List.of("application/pdf", ContentSniffer.DOCX, ContentSniffer.XLSX))));

    final RecordingAudit audit = new RecordingAudit();
    final MovableClock clock = new MovableClock();
    TestDatabase database;
    EntityManagerFactory emf;
    Path folder;
    FileMediaStore store;

    @Override
    protected void before() throws Exception {
        database = TestDatabase.withMigrations("media");
        emf = Persistence.createEntityManagerFactory("wubu-media", Map.of("javax.persistence.nonJtaDataSource", database.dataSource));
        folder = database.folder.resolve("media");
        store = new FileMediaStore(emf, clock, audit, LIMITS, folder);
    }

    @Override
    protected void after() {
        emf.close();
        database.shutdown();
    }

    /** A PNG: the signature, then chunk-like filler (the store checks the leading bytes). */
    static byte[] png(int size, int seed) {
        byte[] b = new byte[size];
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(sig, 0, b, 0, sig.length);
        for (int i = sig.length; i < size; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    /** An Office Open XML file: a ZIP with [Content_Types].xml and the part that says what it is. */
    static byte[] office(String mainPart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.closeEntry();
            if (mainPart != null) {
                zip.putNextEntry(new ZipEntry(mainPart));
                zip.write("<x/>".getBytes());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
