package org.wubu.media.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.media.MediaKind;
import org.wubu.platform.api.media.MediaLimit;
import org.wubu.platform.api.media.MediaLimits;

/**
 * Turns etc/org.wubu.media.cfg into limits. A bad value is logged and replaced by its default, so
 * that a typo cannot stop uploads altogether; a type whose content Wubu cannot check is left out,
 * since an unchecked type would let anything in under its name.
 */
final class ConfiguredLimits {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredLimits.class);
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|BYTES|K|KB|KIB|M|MB|MIB|G|GB|GIB)?");
    /** No single upload above this, whatever the configuration says (the file is spooled to disk first). */
    static final long CEILING = 4L * 1024 * 1024 * 1024;

    private ConfiguredLimits() {
    }

    static MediaLimits of(MediaConfig c) {
        return new MediaLimits(List.of(
                limit(MediaKind.IMAGE, c.imageMaxSize(), "5 MB", c.imageTypes(), List.of("image/jpeg", "image/png", "image/webp", "image/gif")),
                limit(MediaKind.VIDEO, c.videoMaxSize(), "200 MB", c.videoTypes(), List.of("video/mp4", "video/webm")),
                limit(MediaKind.DOCUMENT, c.documentMaxSize(), "20 MB", c.documentTypes(),
                        List.of("application/pdf", ContentSniffer.DOCX, ContentSniffer.XLSX))));
    }

    private static MediaLimit limit(MediaKind kind, String size, String defaultSize, String[] types, List<String> defaultTypes) {
        long bytes;
        try {
            bytes = parseSize(size);
        } catch (IllegalArgumentException e) {
            LOG.error("{}MaxSize in etc/org.wubu.media.cfg is invalid ({}); using {}", kind.english(), e.getMessage(), defaultSize);
            bytes = parseSize(defaultSize);
        }
        List<String> allowed = new ArrayList<>();
        for (String t : split(types)) {
            String type = ContentSniffer.normalise(t);
            if (!ContentSniffer.checkable(type)) {
                LOG.error("{}Types in etc/org.wubu.media.cfg names {}, whose content Wubu cannot check; it is not accepted",
                        kind.english(), t);
            } else if (!ContentSniffer.kindOf(type).equals(kind)) {
                LOG.error("{}Types in etc/org.wubu.media.cfg names {}, which is not a {} type; it is not accepted",
                        kind.english(), t, kind.english());
            } else if (!allowed.contains(type)) {
                allowed.add(type);
            }
        }
        if (allowed.isEmpty()) {
            LOG.error("{}Types in etc/org.wubu.media.cfg accepts nothing; using {}", kind.english(), defaultTypes);
            allowed.addAll(defaultTypes);
        }
        return new MediaLimit(kind, bytes, allowed);
    }

    /** {@code 5 MB}, {@code 512KB}, {@code 900} (bytes); binary units; between 1 byte and 4 GB. */
    static long parseSize(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing");
        }
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size such as 5 MB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        long factor = switch (unit.charAt(0)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        if (n <= 0 || n > CEILING / factor) {
            throw new IllegalArgumentException("'" + text + "' must be between 1 byte and 4 GB");
        }
        return n * factor;
    }

    /** Configuration files give one comma-separated string, the console an array: accept both. */
    private static Set<String> split(String[] values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }
}
