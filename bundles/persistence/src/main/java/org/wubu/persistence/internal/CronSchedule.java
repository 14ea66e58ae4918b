package org.wubu.persistence.internal;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week) evaluated in a time
 * zone, as admins know it from crontab: {@code *}, lists {@code 1,15}, ranges {@code 1-5}, steps
 * {@code *&#47;10}, and names for days ({@code MON}..{@code SUN}) and months ({@code JAN}..{@code DEC}).
 * As in cron, when both day fields are restricted a day matching either one fires.
 */
final class CronSchedule {

    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    CronSchedule(String expression) {
        this.expression = expression.trim();
        String[] f = this.expression.split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("schedule '" + expression
                    + "' must have 5 fields: minute hour day-of-month month day-of-week (e.g. '0 3 * * SUN')");
        }
        minutes = parse(f[0], 0, 59, null, "minute");
        hours = parse(f[1], 0, 23, null, "hour");
        daysOfMonth = parse(f[2], 1, 31, null, "day-of-month");
        months = parse(f[3], 1, 12, MONTHS, "month");
        BitSet dow = parse(f[4], 0, 7, DAYS, "day-of-week");
        if (dow.get(7)) {
            dow.set(0); // 7 is Sunday too
        }
        daysOfWeek = dow;
        anyDayOfMonth = f[2].equals("*");
        anyDayOfWeek = f[4].equals("*");
    }

    /** The first time strictly after {@code after} (to the minute) at which the schedule fires. */
    ZonedDateTime next(ZonedDateTime after, ZoneId zone) {
        ZonedDateTime t = after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        // Five years of minutes is far more than any valid expression needs (Feb 29 + weekday).
        ZonedDateTime limit = t.plusYears(5);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.plusMonths(1).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
                continue;
            }
            if (!dayMatches(t)) {
                t = t.plusDays(1).truncatedTo(ChronoUnit.DAYS);
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.plusHours(1).truncatedTo(ChronoUnit.HOURS);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
                continue;
            }
            return t;
        }
        throw new IllegalArgumentException("schedule '" + expression + "' never fires");
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
        if (anyDayOfMonth && anyDayOfWeek) {
            return true;
        }
        if (anyDayOfMonth) {
            return dow;
        }
        if (anyDayOfWeek) {
            return dom;
        }
        return dom || dow;
    }

    private static BitSet parse(String field, int min, int max, String[] names, String what) {
        BitSet bits = new BitSet(max + 1);
        for (String part : field.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), 1, max, null, what);
                range = part.substring(0, slash);
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                lo = number(ends[0], min, max, names, what);
                hi = number(ends[1], min, max, names, what);
                if (hi < lo) {
                    throw new IllegalArgumentException(what + " range '" + range + "' runs backwards");
                }
            } else {
                lo = number(range, min, max, names, what);
                hi = slash >= 0 ? max : lo;
            }
            for (int i = lo; i <= hi; i += step) {
                bits.set(i);
            }
        }
        return bits;
    }

    private static int number(String s, int min, int max, String[] names, String what) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(s.toUpperCase(Locale.ROOT))) {
                    return names == MONTHS ? i + 1 : i;
                }
            }
        }
        try {
            int n = Integer.parseInt(s);
            if (n < min || n > max) {
                throw new IllegalArgumentException(what + " " + n + " is outside " + min + "-" + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a valid " + what);
        }
    }

    @Override
    public String toString() {
        return expression;
    }
}
