package org.wubu.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.Test;

public class CronScheduleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ZonedDateTime at(String local) {
        return ZonedDateTime.parse(local + "+08:00[Asia/Shanghai]");
    }

    @Test
    public void weeklySundayAtThree() {
        CronSchedule s = new CronSchedule("0 3 * * SUN");
        // 2026-11-27 is a Friday.
        assertEquals(at("2026-11-29T03:00"), s.next(at("2026-11-27T10:15"), SHANGHAI));
        assertEquals(at("2026-12-06T03:00"), s.next(at("2026-11-29T03:00"), SHANGHAI));
    }

    @Test
    public void evaluatesInTheShopZoneWhateverZoneTheInputIsIn() {
        CronSchedule s = new CronSchedule("0 18 * * *");
        ZonedDateTime utcMorning = ZonedDateTime.parse("2026-11-27T01:00Z");
        assertEquals(at("2026-11-27T18:00"), s.next(utcMorning, SHANGHAI));
    }

    @Test
    public void listsRangesStepsAndNames() {
        CronSchedule s = new CronSchedule("*/15 9-17 * JAN-DEC MON-FRI");
        assertEquals(at("2026-11-27T10:30"), s.next(at("2026-11-27T10:15"), SHANGHAI));
        assertEquals(at("2026-11-30T09:00"), s.next(at("2026-11-27T17:45"), SHANGHAI));
    }

    @Test
    public void sevenIsSunday() {
        assertEquals(at("2026-11-29T00:00"), new CronSchedule("0 0 * * 7").next(at("2026-11-27T00:00"), SHANGHAI));
    }

    @Test
    public void eitherDayFieldMatchesWhenBothAreSet() {
        // 1st of the month or any Monday.
        CronSchedule s = new CronSchedule("0 0 1 * MON");
        assertEquals(at("2026-11-30T00:00"), s.next(at("2026-11-27T00:00"), SHANGHAI));
        assertEquals(at("2026-12-01T00:00"), s.next(at("2026-11-30T00:00"), SHANGHAI));
    }

    @Test
    public void leapDay() {
        assertEquals(at("2028-02-29T00:00"), new CronSchedule("0 0 29 2 *").next(at("2026-11-27T00:00"), SHANGHAI));
    }

    @Test
    public void badExpressionsAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CronSchedule("0 3 * *"));
        assertTrue(e.getMessage(), e.getMessage().contains("5 fields"));
        e = assertThrows(IllegalArgumentException.class, () -> new CronSchedule("61 3 * * *"));
        assertTrue(e.getMessage(), e.getMessage().contains("minute 61"));
        e = assertThrows(IllegalArgumentException.class, () -> new CronSchedule("0 3 * * FUNDAY"));
        assertTrue(e.getMessage(), e.getMessage().contains("day-of-week"));
        assertThrows(IllegalArgumentException.class, () -> new CronSchedule("0 0 31 2 *").next(at("2026-01-01T00:00"), SHANGHAI));
    }
}
