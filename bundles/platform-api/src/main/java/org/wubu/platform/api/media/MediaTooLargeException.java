package org.wubu.platform.api.media;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wubu.platform.api.WubuException;

/**
 * A file larger than its kind's limit (CMS-9). The REST layer answers HTTP 413; the message is in
 * Chinese and English and names the limit.
 */
public class MediaTooLargeException extends WubuException {

    private static final long serialVersionUID = 1L;

    /** Stable error code. */
    public static final String CODE = "media-too-large";

    public MediaTooLargeException(MediaLimit limit) {
        super(CODE, chinese(limit) + " / " + english(limit), details(limit));
    }

    private static String chinese(MediaLimit limit) {
        return limit.kind().chinese() + "文件过大：每个" + limit.kind().chinese() + "最大 " + limit.maxSize();
    }

    private static String english(MediaLimit limit) {
        return "the " + limit.kind().english() + " is too large: " + article(limit.kind()) + limit.kind().english()
                + " may be at most " + limit.maxSize() + " (" + limit.maxBytes() + " bytes)";
    }

    private static String article(MediaKind kind) {
        return kind == MediaKind.IMAGE ? "an " : "a ";
    }

    private static Map<String, Object> details(MediaLimit limit) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", limit.kind().english());
        d.put("maxBytes", limit.maxBytes());
        d.put("maxSize", limit.maxSize());
        d.put("zh", chinese(limit));
        d.put("en", english(limit));
        return d;
    }
}
