package org.wubu.platform.api.media;

import java.time.Instant;

/**
 * One stored file.
 *
 * @param id           the SHA-256 of the content, 64 lower-case hex digits: the same bytes are stored once
 * @param kind         what it was uploaded as
 * @param contentType  the checked MIME type, e.g. {@code image/png}
 * @param size         bytes
 * @param originalName the file name the uploader gave (for display and downloads only)
 * @param uploadedBy   username of the first uploader
 * @param uploadedAt   when it was first uploaded (UTC)
 */
public record MediaItem(String id, MediaKind kind, String contentType, long size, String originalName, String uploadedBy,
                        Instant uploadedAt) {

    /** Tells whether a text has the shape of a media id (64 lower-case hex digits). */
    public static boolean isId(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }
}
