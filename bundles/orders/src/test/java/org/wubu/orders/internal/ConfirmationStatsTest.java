package org.wubu.orders.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.Test;

public class ConfirmationStatsTest {

    @Test
    public void medianAndP90AreNearestRankAndTheShareCountsTheLimitItself() {
        // 1..10 minutes: median 5, p90 9; 10 minutes is still within a 10-minute limit.
        List<ConfirmationStats.Sample> s = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> new ConfirmationStats.Sample("agent", Duration.ofMinutes(i))).toList();
        ConfirmationStats.Row r = ConfirmationStats.of(s, Duration.ofMinutes(10)).total();
        assertEquals(10, r.confirmed());
        assertEquals(new BigDecimal("5.0"), r.medianMinutes());
        assertEquals(new BigDecimal("9.0"), r.p90Minutes());
        assertEquals(10, r.withinLimit());
        assertEquals(new BigDecimal("1.000"), r.shareWithinLimit());
        assertEquals(new BigDecimal("0.900"),
                ConfirmationStats.of(s, Duration.ofMinutes(9).plusSeconds(59)).total().shareWithinLimit());
    }

    @Test
    public void oneRowPerAgentSortedAndAnEmptyPeriodHasNoFigures() {
        ConfirmationStats.Report r = ConfirmationStats.of(List.of(new ConfirmationStats.Sample("zhou", Duration.ofSeconds(90)),
                new ConfirmationStats.Sample("sun", Duration.ofSeconds(30))), Duration.ofMinutes(10));
        assertEquals("sun", r.agents().get(0).agent());
        assertEquals(new BigDecimal("0.5"), r.agents().get(0).medianMinutes());
        assertEquals(new BigDecimal("1.5"), r.agents().get(1).p90Minutes());
        ConfirmationStats.Row none = ConfirmationStats.of(List.of(), Duration.ofMinutes(10)).total();
        assertEquals(0, none.confirmed());
        assertNull(none.medianMinutes());
        assertNull(none.shareWithinLimit());
    }
}
