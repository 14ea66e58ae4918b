package org.wubu.orders.seal.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The day windows of the daily record. The seal of date D covers {@code [D-1 T, D T)} in the zone,
 * T being the configured time (18:00): a record at exactly 18:00:00.000 belongs to the next day. It is
 * due {@code settle} after D T, so that a record stamped at 17:59:59.999 whose transaction was still
 * committing is in the database when the window is read.
 */
final class SealWindows {

    private final LocalTime time;
    private final ZoneId zone;
    private final Duration settle;

    SealWindows(LocalTime time, ZoneId zone, Duration settle) {
        this.time = time;
        this.zone = zone;
        this.settle = settle;
    }

    /** "18:00" or "18:00:30"; the message names the setting. */
    static LocalTime parseTime(String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time must be HH:mm or HH:mm:ss, e.g. 18:00 (got '" + text + "')");
        }
    }

    LocalTime time() {
        return time;
    }

    ZoneId zone() {
        return zone;
    }

    /** The window's start, included. */
    Instant from(LocalDate date) {
        return to(date.minusDays(1));
    }

    /** The window's end, excluded. */
    Instant to(LocalDate date) {
        return date.atTime(time).atZone(zone).toInstant();
    }

    /** When the seal of the date may be written. */
    Instant due(LocalDate date) {
        return to(date).plus(settle);
    }

    /** The most recent date whose seal is due at {@code now}. */
    LocalDate latestDue(Instant now) {
        LocalDate d = now.atZone(zone).toLocalDate().plusDays(1);
        while (now.isBefore(due(d))) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The date whose window holds the instant. */
    LocalDate dateOf(Instant t) {
        LocalDate d = t.atZone(zone).toLocalDate().minusDays(1);
        while (!t.isBefore(to(d))) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** When the next seal after those due at {@code now} falls due. */
    Instant nextDue(Instant now) {
        return due(latestDue(now).plusDays(1));
    }

    @Override
    public String toString() {
        return "daily at " + time + " " + zone;
    }
}
