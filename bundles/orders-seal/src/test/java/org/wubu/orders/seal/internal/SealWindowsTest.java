package org.wubu.orders.seal.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.Test;

public class SealWindowsTest {

    private final SealWindows w = new SealWindows(LocalTime.of(18, 0), ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(10));

    private static Instant t(String s) {
        return OffsetDateTime.parse(s).toInstant();
    }

    @Test
    public void aDayRunsFromTheDayBeforeAtSixPmIncludedToSixPmExcluded() {
        LocalDate d = LocalDate.parse("2026-11-27");
        assertEquals(t("2026-11-26T18:00:00+08:00"), w.from(d));
        assertEquals(t("2026-11-27T18:00:00+08:00"), w.to(d));
        assertEquals(t("2026-11-27T18:00:10+08:00"), w.due(d));
        assertEquals(d, w.dateOf(t("2026-11-26T18:00:00+08:00")));
        assertEquals(d, w.dateOf(t("2026-11-27T17:59:59.999+08:00")));
        assertEquals(d.plusDays(1), w.dateOf(t("2026-11-27T18:00:00+08:00")));
        assertEquals(d, w.dateOf(t("2026-11-27T00:30:00+08:00")));
    }

    @Test
    public void theLatestDueDateMovesAtSixPmPlusTheSettleTime() {
        assertEquals(LocalDate.parse("2026-11-26"), w.latestDue(t("2026-11-27T18:00:09+08:00")));
        assertEquals(LocalDate.parse("2026-11-27"), w.latestDue(t("2026-11-27T18:00:10+08:00")));
        assertEquals(LocalDate.parse("2026-11-27"), w.latestDue(t("2026-11-28T09:00:00+08:00")));
        assertEquals(t("2026-11-28T18:00:10+08:00"), w.nextDue(t("2026-11-28T09:00:00+08:00")));
    }

    @Test
    public void aWindowEndingJustBeforeMidnightStillNamesItsDay() {
        SealWindows late = new SealWindows(LocalTime.of(23, 59, 55), ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(10));
        assertEquals(LocalDate.parse("2026-11-26"), late.latestDue(t("2026-11-28T00:00:04+08:00")));
        assertEquals(LocalDate.parse("2026-11-27"), late.latestDue(t("2026-11-28T00:00:05+08:00")));
    }

    @Test
    public void aBadTimeNamesTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SealWindows.parseTime("6pm"));
        assertEquals("time must be HH:mm or HH:mm:ss, e.g. 18:00 (got '6pm')", e.getMessage());
        assertEquals(LocalTime.of(18, 0, 30), SealWindows.parseTime("18:00:30"));
    }
}
