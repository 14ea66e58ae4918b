package org.wubu.platform.api.media;

import java.util.Locale;
import java.util.Map;
import org.wubu.platform.api.ValidationException;

/** What an uploaded file is for; each kind has its own size limit and allowed types (CMS-9). */
public enum MediaKind {
    IMAGE("图片", "image"),
    VIDEO("视频", "video"),
    DOCUMENT("文档", "document");

    private final String chinese;
    private final String english;

    MediaKind(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** The kind's name in Chinese, for messages. */
    public String chinese() {
        return chinese;
    }

    /** The kind's name in English (also its lower-case wire name: {@code image}, {@code video}, {@code document}). */
    public String english() {
        return english;
    }

    /** Parses {@code image}, {@code IMAGE}, ...; a missing or unknown kind is a validation error naming the field. */
    public static MediaKind parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("kind is required: image, video or document", Map.of("kind", "missing"));
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("kind must be image, video or document (got '" + text + "')",
                    Map.of("kind", "unknown"));
        }
    }
}
