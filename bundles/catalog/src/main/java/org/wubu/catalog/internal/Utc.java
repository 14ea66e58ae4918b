package org.wubu.catalog.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Times are stored as UTC LocalDateTimes, truncated to milliseconds so every database keeps them exactly. */
final class Utc {

    private Utc() {
    }

    static LocalDateTime of(Instant i) {
        return i == null ? null : LocalDateTime.ofInstant(i.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    static Instant of(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
