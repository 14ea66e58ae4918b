package org.wubu.catalog.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.media.MediaItem;
import org.wubu.platform.api.media.MediaKind;
import org.wubu.platform.api.media.MediaLimit;
import org.wubu.platform.api.media.MediaLimits;
import org.wubu.platform.api.media.MediaStore;

/**
 * The media store as the catalog sees it, in memory: ids are SHA-256 like the real one, the
 * permission is checked; limits and content checks are the media bundle's own tests' business.
 */
final class MemoryMedia implements MediaStore {

    final Map<String, MediaItem> items = new ConcurrentHashMap<>();
    final Map<String, byte[]> bytes = new ConcurrentHashMap<>();

    @Override
    public MediaItem store(Caller caller, MediaKind kind, String fileName, String contentType, InputStream content) {
        caller.require(UPLOAD);
        try {
            byte[] b = content.readAllBytes();
            String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
            bytes.putIfAbsent(id, b);
            return items.computeIfAbsent(id, k -> new MediaItem(k, kind, contentType, b.length, fileName, caller.username(),
                    Instant.parse("2026-11-27T02:00:00Z")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<MediaItem> find(String id) {
        return Optional.ofNullable(id == null ? null : items.get(id));
    }

    @Override
    public InputStream open(String id) {
        byte[] b = bytes.get(id);
        if (b == null) {
            throw new NotFoundException("media", id);
        }
        return new ByteArrayInputStream(b);
    }

    @Override
    public MediaLimits limits() {
        return new MediaLimits(List.of(new MediaLimit(MediaKind.IMAGE, 5 << 20, List.of("image/png")),
                new MediaLimit(MediaKind.VIDEO, 200 << 20, List.of("video/mp4")),
                new MediaLimit(MediaKind.DOCUMENT, 20 << 20, List.of("application/pdf"))));
    }

    /** Stores a small image for a test and answers its id. */
    String image(String seed) {
        return store(Caller.SYSTEM, MediaKind.IMAGE, seed + ".png", "image/png",
                new ByteArrayInputStream(DemoPng.square(seed, 8))).id();
    }
}
