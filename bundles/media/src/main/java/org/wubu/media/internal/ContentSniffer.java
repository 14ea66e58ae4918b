package org.wubu.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.wubu.platform.api.media.MediaKind;

/**
 * Tells what a file really is from its first bytes (and, for Office files, its ZIP directory), so
 * that a text file named {@code photo.png} or a script sent as {@code image/png} is refused. Only the
 * types listed here can be allowed: a type Wubu cannot check would let anything in under its name.
 */
final class ContentSniffer {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final Map<String, MediaKind> KINDS = Map.of(
            "image/jpeg", MediaKind.IMAGE, "image/png", MediaKind.IMAGE, "image/gif", MediaKind.IMAGE,
            "image/webp", MediaKind.IMAGE, "video/mp4", MediaKind.VIDEO, "video/webm", MediaKind.VIDEO,
            "application/pdf", MediaKind.DOCUMENT, DOCX, MediaKind.DOCUMENT, XLSX, MediaKind.DOCUMENT);

    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png", "image/gif", "gif",
            "image/webp", "webp", "video/mp4", "mp4", "video/webm", "webm", "application/pdf", "pdf", DOCX, "docx", XLSX, "xlsx");

    /** Names browsers and tools use besides the registered ones. */
    private static final Map<String, String> ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg",
            "image/x-png", "image/png", "application/x-pdf", "application/pdf");

    /** How many leading bytes {@link #detect} looks at. */
    static final int HEAD = 64;

    private ContentSniffer() {
    }

    /** Lower case, without parameters ({@code ; charset=...}), aliases resolved; "" when null. */
    static String normalise(String contentType) {
        if (contentType == null) {
            return "";
        }
        String t = contentType;
        int semi = t.indexOf(';');
        if (semi >= 0) {
            t = t.substring(0, semi);
        }
        t = t.trim().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(t, t);
    }

    /** The usual file extension of a checkable type ({@code jpg}, {@code docx}, ...). */
    static String extension(String type) {
        return EXTENSIONS.getOrDefault(type, "bin");
    }

    static boolean checkable(String type) {
        return KINDS.containsKey(type);
    }

    static MediaKind kindOf(String type) {
        return KINDS.get(type);
    }

    /**
     * The type the file's content shows, or null when it is none of the checkable types.
     * Office files are ZIP archives: their directory says whether they hold a document or a workbook.
     */
    static String detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        String fromHead = detect(head);
        if (!"application/zip".equals(fromHead)) {
            return fromHead;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return "application/zip";
            }
            ZipEntry word = zip.getEntry("word/document.xml");
            if (word != null) {
                return DOCX;
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return XLSX;
            }
            return "application/zip";
        } catch (IOException broken) {
            return null; // starts like a ZIP but is not one
        }
    }

    /** The type from the leading bytes alone; {@code application/zip} for any ZIP archive. */
    static String detect(byte[] h) {
        if (starts(h, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (ascii(h, 0, "GIF87a") || ascii(h, 0, "GIF89a")) {
            return "image/gif";
        }
        if (ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP")) {
            return "image/webp";
        }
        if (ascii(h, 4, "ftyp")) {
            return "video/mp4";
        }
        if (starts(h, 0, 0x1A, 0x45, 0xDF, 0xA3) && contains(h, "webm")) {
            return "video/webm";
        }
        if (ascii(h, 0, "%PDF-")) {
            return "application/pdf";
        }
        if (starts(h, 0, 'P', 'K', 0x03, 0x04)) {
            return "application/zip";
        }
        return null;
    }

    private static boolean starts(byte[] h, int at, int... expected) {
        if (h.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((h[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] h, int at, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        return h.length >= at + t.length && Arrays.equals(h, at, at + t.length, t, 0, t.length);
    }

    private static boolean contains(byte[] h, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + t.length <= h.length; i++) {
            if (Arrays.equals(h, i, i + t.length, t, 0, t.length)) {
                return true;
            }
        }
        return false;
    }
}
