package org.wubu.catalog.api.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wubu.platform.api.ValidationException;

/**
 * An ISO-8601 week, Monday to Sunday, written {@code 2026-W48}.
 *
 * @param year the week-based year (may differ from the calendar year around New Year)
 * @param week 1 .. 52 or 53
 */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-W(\\d{1,2})");

    public IsoWeek {
        if (year < 1900 || year > 9999) {
            throw new ValidationException("week: year must be between 1900 and 9999 (got " + year + ")", Map.of("week", "out of range"));
        }
        LocalDate mid = LocalDate.of(year, 6, 1);
        long weeks = mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new ValidationException("week: " + year + " has weeks 1 to " + weeks + " (got " + week + ")",
                    Map.of("week", "out of range"));
        }
    }

    /** Parses {@code 2026-W48} (or {@code 2026-w48}); anything else is a {@link ValidationException} naming "week". */
    public static IsoWeek parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.trim().toUpperCase(java.util.Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new ValidationException("week must be an ISO week such as 2026-W48 (got '" + text + "')", Map.of("week", "not a week"));
        }
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The week the day falls in. */
    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Its Monday. */
    public LocalDate monday() {
        return LocalDate.of(year, 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Its Sunday. */
    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public IsoWeek previous() {
        return of(monday().minusDays(7));
    }

    @Override
    public int compareTo(IsoWeek o) {
        return monday().compareTo(o.monday());
    }

    /** {@code 2026-W48}. */
    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
