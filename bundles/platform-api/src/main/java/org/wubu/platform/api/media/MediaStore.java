package org.wubu.platform.api.media;

import java.io.InputStream;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Topics;

/**
 * Stores uploaded files with the upload limits of CMS-9 applied: a size limit and allowed types
 * per {@link MediaKind}, both configurable. The content is checked against its declared type by
 * its first bytes (JPEG, PNG, GIF, WebP, MP4, WebM, PDF, docx, xlsx). Files are kept by content:
 * the id is the SHA-256 of the bytes, so the same file uploaded twice is stored once.
 *
 * <p>REST: {@code POST /api/media?kind=image} (raw body, {@code Content-Type}, URL-encoded
 * {@code X-File-Name}), {@code GET /api/media/{id}}, {@code GET /api/media/{id}/info},
 * {@code GET /api/media/limits}.
 */
@ProviderType
public interface MediaStore {

    /** Permission to upload. Reading needs a login only. */
    String UPLOAD = "media.upload";

    /** Event after a new file was stored; properties: {@code id}, {@code kind}, {@code contentType}, {@code size}. */
    String STORED = Topics.topic("media", "STORED");

    /**
     * Reads the content to its end (or until it passes the kind's limit), checks it and stores it.
     * Needs {@link #UPLOAD}. Nothing is kept of a refused upload.
     *
     * @param fileName    the uploader's file name (shown in lists and downloads; may be null)
     * @param contentType the declared MIME type, e.g. {@code image/png} (parameters are ignored)
     * @return the stored item; the existing one when the same bytes were stored before
     * @throws MediaTooLargeException     the content passes the kind's size limit (HTTP 413)
     * @throws MediaTypeRefusedException  the type is not allowed for the kind, or the content is not of that type (HTTP 415)
     * @throws org.wubu.platform.api.ValidationException the content is empty or the file name too long (HTTP 400)
     */
    MediaItem store(Caller caller, MediaKind kind, String fileName, String contentType, InputStream content);

    /** The item with this id, if stored. */
    Optional<MediaItem> find(String id);

    /**
     * The content of a stored item; the caller closes the stream.
     *
     * @throws org.wubu.platform.api.NotFoundException no such item
     */
    InputStream open(String id);

    /** The limits in force. */
    MediaLimits limits();
}
