package org.wubu.platform.api.media;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The upload limits in force, one per kind (configured in {@code etc/org.wubu.media.cfg}). */
public record MediaLimits(List<MediaLimit> limits) {

    public MediaLimits {
        limits = List.copyOf(limits);
        Map<MediaKind, MediaLimit> seen = new EnumMap<>(MediaKind.class);
        for (MediaLimit l : limits) {
            if (seen.put(l.kind(), l) != null) {
                throw new IllegalArgumentException("two limits for " + l.kind());
            }
        }
        if (seen.size() != MediaKind.values().length) {
            throw new IllegalArgumentException("every kind needs a limit, got " + seen.keySet());
        }
    }

    /** The limit of a kind. */
    public MediaLimit of(MediaKind kind) {
        return limits.stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
    }
}
