package org.wubu.platform.api.media;

import java.util.List;

/**
 * The upload limit of one kind (CMS-9).
 *
 * @param kind         the kind
 * @param maxBytes     the largest file accepted, in bytes
 * @param allowedTypes the MIME types accepted, e.g. {@code image/png}
 */
public record MediaLimit(MediaKind kind, long maxBytes, List<String> allowedTypes) {

    public MediaLimit {
        allowedTypes = List.copyOf(allowedTypes);
    }

    /** The size for people: {@code 5 MB}, {@code 512 KB}, {@code 900 bytes}. */
    public String maxSize() {
        return readable(maxBytes);
    }

    /** A byte count for people, in binary units as the configuration writes them ({@code 5 MB} = 5 × 1024 × 1024). */
    public static String readable(long bytes) {
        long mb = 1024L * 1024;
        if (bytes >= mb && bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
