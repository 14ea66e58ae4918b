package org.wubu.platform.api.media;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wubu.platform.api.WubuException;

/**
 * A file whose type is not allowed for its kind, or whose content is not what its declared type
 * says (the first bytes are checked). The REST layer answers HTTP 415; the message is in Chinese
 * and English.
 */
public class MediaTypeRefusedException extends WubuException {

    private static final long serialVersionUID = 1L;

    /** Stable error code. */
    public static final String CODE = "media-type-refused";

    private MediaTypeRefusedException(String zh, String en, Map<String, Object> details) {
        super(CODE, zh + " / " + en, withTexts(details, zh, en));
    }

    /** The declared type is not one the kind allows. */
    public static MediaTypeRefusedException notAllowed(MediaLimit limit, String declaredType) {
        String shown = declaredType == null || declaredType.isBlank() ? "none" : declaredType;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", limit.kind().english());
        d.put("contentType", shown);
        d.put("allowedTypes", limit.allowedTypes());
        return new MediaTypeRefusedException(
                limit.kind().chinese() + "不接受类型 " + shown + "，允许的类型：" + String.join("、", limit.allowedTypes()),
                "type " + shown + " is not accepted for " + limit.kind().english() + "s; allowed: "
                        + String.join(", ", limit.allowedTypes()), d);
    }

    /** The content is not what the declared type says (e.g. text sent as image/png). */
    public static MediaTypeRefusedException contentMismatch(MediaKind kind, String declaredType, String detected) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", kind.english());
        d.put("contentType", declaredType);
        d.put("detected", detected == null ? "unknown" : detected);
        return new MediaTypeRefusedException(
                "文件内容与声明的类型 " + declaredType + " 不符" + (detected == null ? "" : "（实际为 " + detected + "）"),
                "the content is not " + declaredType + (detected == null ? "" : " (it looks like " + detected + ")"), d);
    }

    private static Map<String, Object> withTexts(Map<String, Object> details, String zh, String en) {
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put("zh", zh);
        d.put("en", en);
        return d;
    }
}
