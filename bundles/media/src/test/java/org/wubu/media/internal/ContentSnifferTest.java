package org.wubu.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

public class ContentSnifferTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[32];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static byte[] ascii(int at, String text) {
        byte[] out = new byte[32];
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, out, at, t.length);
        return out;
    }

    @Test
    public void everyCheckableTypeIsRecognisedByItsLeadingBytes() {
        assertEquals("image/jpeg", ContentSniffer.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0)));
        assertEquals("image/png", ContentSniffer.detect(MediaFixture.png(32, 1)));
        assertEquals("image/gif", ContentSniffer.detect(ascii(0, "GIF89a")));
        assertEquals("image/gif", ContentSniffer.detect(ascii(0, "GIF87a")));
        byte[] webp = ascii(0, "RIFF");
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, webp, 8, 8);
        assertEquals("image/webp", ContentSniffer.detect(webp));
        assertEquals("video/mp4", ContentSniffer.detect(ascii(4, "ftypisom")));
        byte[] webm = bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01);
        System.arraycopy("webm".getBytes(StandardCharsets.US_ASCII), 0, webm, 20, 4);
        assertEquals("video/webm", ContentSniffer.detect(webm));
        assertEquals("application/pdf", ContentSniffer.detect(ascii(0, "%PDF-1.7")));
        assertEquals("application/zip", ContentSniffer.detect(bytes('P', 'K', 3, 4)));
    }

    @Test
    public void textAndLookAlikesAreNothing() {
        assertNull(ContentSniffer.detect("hello, I am not a picture".getBytes(StandardCharsets.UTF_8)));
        assertNull(ContentSniffer.detect(new byte[0]));
        assertNull("a PNG signature cut short is not a PNG", ContentSniffer.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        assertNull("Matroska that is not WebM", ContentSniffer.detect(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01)));
        assertNull("RIFF that is not WebP (a WAV)", ContentSniffer.detect(ascii(0, "RIFF....WAVE")));
    }

    @Test
    public void officeFilesAreToldApartByTheirZipDirectory() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sniff-");
        Path docx = Files.write(dir.resolve("a.docx"), MediaFixture.office("word/document.xml"));
        Path xlsx = Files.write(dir.resolve("b.xlsx"), MediaFixture.office("xl/workbook.xml"));
        Path zip = Files.write(dir.resolve("c.zip"), MediaFixture.office(null));
        Path broken = Files.write(dir.resolve("d.zip"), bytes('P', 'K', 3, 4, 1, 2, 3));
        assertEquals(ContentSniffer.DOCX, ContentSniffer.detect(docx));
        assertEquals(ContentSniffer.XLSX, ContentSniffer.detect(xlsx));
        assertEquals("application/zip", ContentSniffer.detect(zip));
        assertNull(ContentSniffer.detect(broken));
    }

    @Test
    public void typesAreNormalised() {
        assertEquals("image/png", ContentSniffer.normalise(" Image/PNG ; charset=binary"));
        assertEquals("image/jpeg", ContentSniffer.normalise("image/jpg"));
        assertEquals("", ContentSniffer.normalise(null));
        assertTrue(ContentSniffer.checkable("video/webm"));
        assertFalse(ContentSniffer.checkable("image/svg+xml"));
        assertEquals("docx", ContentSniffer.extension(ContentSniffer.DOCX));
    }
}
