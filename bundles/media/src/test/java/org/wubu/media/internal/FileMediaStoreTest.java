package org.wubu.media.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.wubu.media.internal.MediaFixture.SPECIALIST;
import static org.wubu.media.internal.MediaFixture.WAREHOUSE;
import static org.wubu.media.internal.MediaFixture.png;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.media.MediaItem;
import org.wubu.platform.api.media.MediaKind;
import org.wubu.platform.api.media.MediaTooLargeException;
import org.wubu.platform.api.media.MediaTypeRefusedException;

public class FileMediaStoreTest {

    @Rule
    public final MediaFixture f = new MediaFixture();

    /** An endless stream that counts what was read from it. */
    static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) (read + i == 0 ? 0x89 : 'x');
            }
            read += len;
            return len;
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Every file under the store's folder, temporary ones included. */
    private List<Path> files() throws IOException {
        if (!Files.exists(f.folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(f.folder)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }

    private long rows() {
        return f.emf.createEntityManager().createQuery("SELECT COUNT(m) FROM MediaItemEntity m", Long.class).getSingleResult();
    }

    @Test
    public void aPngIsStoredUnderItsSha256WithItsDescriptionAuditedOnce() throws Exception {
        byte[] image = png(600, 1);
        MediaItem item = f.store.store(SPECIALIST, MediaKind.IMAGE, "C:\\photos\\龙井.png", "image/png; charset=binary",
                new ByteArrayInputStream(image));
        assertEquals(sha256(image), item.id());
        assertEquals(MediaKind.IMAGE, item.kind());
        assertEquals("image/png", item.contentType());
        assertEquals(600, item.size());
        assertEquals("the folder part of a name is dropped", "龙井.png", item.originalName());
        assertEquals("specialist", item.uploadedBy());
        assertEquals(f.clock.now(), item.uploadedAt());
        Path file = f.folder.resolve(item.id().substring(0, 2)).resolve(item.id());
        assertArrayEquals(image, Files.readAllBytes(file));
        assertEquals(item, f.store.find(item.id()).orElseThrow());
        try (InputStream in = f.store.open(item.id())) {
            assertArrayEquals(image, in.readAllBytes());
        }
        assertEquals(List.of("media.stored media:" + item.id()), f.audit.recorded);

        MediaItem again = f.store.store(SPECIALIST, MediaKind.IMAGE, "other.png", "image/png", new ByteArrayInputStream(image));
        assertEquals("the same bytes are one item", item, again);
        assertEquals(1, f.audit.recorded.size());
        assertEquals(List.of(file), files());
        assertEquals(1, rows());
    }

    @Test
    public void exactlyTheLimitIsAcceptedOneByteMoreIsRefusedWithTheLimitNamedInBothLanguages() throws Exception {
        assertEquals(1024, f.store.store(SPECIALIST, MediaKind.IMAGE, "a.png", "image/png", new ByteArrayInputStream(png(1024, 2))).size());
        try {
            f.store.store(SPECIALIST, MediaKind.IMAGE, "b.png", "image/png", new ByteArrayInputStream(png(1025, 3)));
            fail("over the limit");
        } catch (MediaTooLargeException e) {
            assertEquals("media-too-large", e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("图片文件过大") && e.getMessage().contains("最大 1 KB")
                    && e.getMessage().contains("an image may be at most 1 KB (1024 bytes)"));
            assertEquals(1024L, e.details().get("maxBytes"));
        }
        assertEquals("only the first image", 1, files().size());
    }

    @Test
    public void readingStopsJustPastTheLimitAndNothingHalfWrittenStays() throws Exception {
        Endless endless = new Endless();
        try {
            f.store.store(SPECIALIST, MediaKind.VIDEO, "huge.mp4", "video/mp4", endless);
            fail("an endless upload is refused");
        } catch (MediaTooLargeException expected) {
            assertEquals("video", expected.details().get("kind"));
        }
        assertEquals("the limit (2048) and one byte more were read, no more", 2049, endless.read);
        assertEquals(List.of(), files());
        assertEquals(0, rows());
        assertEquals(List.of(), f.audit.recorded);
    }

    @Test
    public void aTypeTheKindDoesNotAllowIsRefusedBeforeReadingAndTextNamedPngAfterReading() throws Exception {
        Endless endless = new Endless();
        try {
            f.store.store(SPECIALIST, MediaKind.IMAGE, "x.svg", "image/svg+xml", endless);
            fail("svg is not allowed");
        } catch (MediaTypeRefusedException e) {
            assertEquals("media-type-refused", e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("image/svg+xml") && e.getMessage().contains("allowed: image/jpeg"));
        }
        assertEquals("refused before reading", 0, endless.read);
        try {
            f.store.store(SPECIALIST, MediaKind.IMAGE, "notes.png", "image/png",
                    new ByteArrayInputStream("just some text, honest".getBytes(StandardCharsets.UTF_8)));
            fail("text is no png");
        } catch (MediaTypeRefusedException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("the content is not image/png")
                    && e.getMessage().contains("文件内容与声明的类型 image/png 不符"));
        }
        try {
            f.store.store(SPECIALIST, MediaKind.DOCUMENT, "sheet.docx", ContentSniffer.DOCX,
                    new ByteArrayInputStream(MediaFixture.office("xl/workbook.xml")));
            fail("a workbook is no docx");
        } catch (MediaTypeRefusedException e) {
            assertEquals(ContentSniffer.XLSX, e.details().get("detected"));
        }
        try {
            f.store.store(SPECIALIST, MediaKind.VIDEO, "a.pdf", "application/pdf", new ByteArrayInputStream("%PDF-1.4".getBytes()));
            fail("a pdf is no video");
        } catch (MediaTypeRefusedException expected) {
            assertEquals("video", expected.details().get("kind"));
        }
        assertEquals(List.of(), files());
        assertEquals(0, rows());
    }

    @Test
    public void documentsOfEachTypeAreAccepted() throws Exception {
        assertEquals(ContentSniffer.DOCX, f.store.store(SPECIALIST, MediaKind.DOCUMENT, "a.docx", ContentSniffer.DOCX,
                new ByteArrayInputStream(MediaFixture.office("word/document.xml"))).contentType());
        assertEquals(ContentSniffer.XLSX, f.store.store(SPECIALIST, MediaKind.DOCUMENT, "b.xlsx", ContentSniffer.XLSX,
                new ByteArrayInputStream(MediaFixture.office("xl/workbook.xml"))).contentType());
        assertEquals("upload.pdf", f.store.store(SPECIALIST, MediaKind.DOCUMENT, null, "application/pdf",
                new ByteArrayInputStream("%PDF-1.7\n%%EOF".getBytes())).originalName());
    }

    @Test
    public void uploadingNeedsThePermissionAndRefusalsNameTheField() {
        Endless endless = new Endless();
        try {
            f.store.store(WAREHOUSE, MediaKind.IMAGE, "a.png", "image/png", endless);
            fail("warehouse may not upload");
        } catch (PermissionDeniedException e) {
            assertEquals("media.upload", e.details().get("permission"));
        }
        assertEquals(0, endless.read);
        try {
            f.store.store(SPECIALIST, MediaKind.IMAGE, "empty.png", "image/png", new ByteArrayInputStream(new byte[0]));
            fail("empty");
        } catch (ValidationException e) {
            assertEquals("empty", e.details().get("content"));
        }
        try {
            f.store.store(SPECIALIST, MediaKind.IMAGE, "x".repeat(300), "image/png", new ByteArrayInputStream(png(10, 0)));
            fail("long name");
        } catch (ValidationException e) {
            assertEquals("too long", e.details().get("fileName"));
        }
        try {
            MediaKind.parse("audio");
            fail("no such kind");
        } catch (ValidationException e) {
            assertEquals("unknown", e.details().get("kind"));
        }
    }

    @Test
    public void aBrokenUploadStreamIsA400AndLeavesNothing() throws Exception {
        InputStream broken = new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                if (n++ < 100) {
                    return n == 1 ? 0x89 : 'x';
                }
                throw new IOException("connection reset");
            }
        };
        try {
            f.store.store(SPECIALIST, MediaKind.IMAGE, "a.png", "image/png", broken);
            fail("cut short");
        } catch (ValidationException e) {
            assertEquals("incomplete", e.details().get("content"));
        }
        assertEquals(List.of(), files());
    }

    @Test
    public void aFailedInsertTakesTheNewFileAwayAgain() throws Exception {
        f.database.dataSource.getConnection().createStatement().execute("DROP TABLE MED_ITEM");
        try {
            f.store.store(SPECIALIST, MediaKind.IMAGE, "a.png", "image/png", new ByteArrayInputStream(png(100, 4)));
            fail("the table is gone");
        } catch (RuntimeException expected) {
            assertFalse(expected instanceof MediaTooLargeException);
        }
        assertEquals(List.of(), files());
    }

    @Test
    public void unfinishedUploadsFromAnEarlierRunAreRemovedAtStart() throws Exception {
        Path part = Files.createDirectories(f.folder.resolve(FileMediaStore.INCOMING)).resolve("upload-1.part");
        Files.write(part, new byte[10]);
        new FileMediaStore(f.emf, f.clock, f.audit, MediaFixture.LIMITS, f.folder);
        assertFalse(Files.exists(part));
    }

    @Test
    public void unknownIdsAreNotFound() {
        assertTrue(f.store.find("0".repeat(64)).isEmpty());
        assertTrue(f.store.find("../../etc/passwd").isEmpty());
        try {
            f.store.open("../secret");
            fail("not an id");
        } catch (NotFoundException expected) {
            assertSame(NotFoundException.class, expected.getClass());
        }
    }
}
