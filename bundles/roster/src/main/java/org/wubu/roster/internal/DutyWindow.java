package org.wubu.roster.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.wubu.platform.api.ValidationException;

/**
 * Daily hours of the shop's zone, {@code 18:00-21:00}; a window whose end is not after its start runs past
 * midnight ({@code 21:00-08:30} ends the next morning).
 */
record DutyWindow(LocalTime from, LocalTime to) {

    /** Parses {@code HH:mm-HH:mm}; anything else is a {@link ValidationException} naming the field. */
    static DutyWindow parse(String field, String text) {
        String t = text == null ? "" : text.trim();
        int dash = t.indexOf('-');
        if (dash < 0) {
            throw invalid(field, text);
        }
        return new DutyWindow(time(field, t.substring(0, dash)), time(field, t.substring(dash + 1)));
    }

    /** Parses {@code HH:mm}. */
    static LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.trim());
        } catch (DateTimeException e) {
            throw new ValidationException(field + " must be a time HH:mm, e.g. 08:30 (got '" + text + "') / " + field
                    + " 应为 HH:mm 格式的时间", Map.of(field, "not a time"));
        }
    }

    private static ValidationException invalid(String field, String text) {
        return new ValidationException(field + " must be hours HH:mm-HH:mm, e.g. 18:00-21:00 (got '" + text + "') / " + field
                + " 应为 HH:mm-HH:mm", Map.of(field, "not hours"));
    }

    /** When the window starts on that day of the shop. */
    Instant startOn(LocalDate day, ZoneId zone) {
        return day.atTime(from).atZone(zone).toInstant();
    }

    /** When the window that starts on that day ends (the next day when it runs past midnight). */
    Instant endOn(LocalDate day, ZoneId zone) {
        LocalDate endDay = to.isAfter(from) ? day : day.plusDays(1);
        return endDay.atTime(to).atZone(zone).toInstant();
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
