package org.wubu.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.media.MediaLimit;
import org.wubu.platform.api.media.MediaTooLargeException;

/**
 * An upload copied to a temporary file while it is hashed and counted. Reading stops as soon as
 * the content passes the limit, and a refused or failed upload leaves no file behind.
 */
final class Spool implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    final Path file;
    final String sha256;
    final long size;

    private Spool(Path file, String sha256, long size) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
    }

    /**
     * Copies {@code content} into a new file in {@code folder}.
     *
     * @throws MediaTooLargeException the content passes {@code limit.maxBytes()}; at most one byte more was read
     * @throws ValidationException    the content could not be read to its end (the client went away)
     * @throws IOException            the file could not be written
     */
    static Spool of(InputStream content, MediaLimit limit, Path folder) throws IOException {
        MessageDigest sha = sha256();
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, "upload-", ".part");
        boolean kept = false;
        try {
            long total = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(tmp)) {
                while (true) {
                    // Never ask for more than one byte past the limit: that byte is enough to refuse.
                    int want = (int) Math.min(buffer.length, limit.maxBytes() - total + 1);
                    int n = read(content, buffer, want);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                    if (total > limit.maxBytes()) {
                        throw new MediaTooLargeException(limit);
                    }
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            kept = true;
            return new Spool(tmp, HexFormat.of().formatHex(sha.digest()), total);
        } finally {
            if (!kept) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static int read(InputStream content, byte[] buffer, int want) {
        try {
            return content.read(buffer, 0, want);
        } catch (IOException e) {
            throw new ValidationException("the upload could not be read to its end: " + e.getMessage(),
                    Map.of("content", "incomplete"));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Removes the temporary file unless it was moved away. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
