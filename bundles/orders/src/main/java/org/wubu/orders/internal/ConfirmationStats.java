package org.wubu.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The confirmation report (ORD-2): for each agent, how many orders they confirmed, the median and
 * the 90th percentile of minutes from acceptance to confirmation, and the share confirmed within the
 * limit. Percentiles are nearest-rank, so every figure is a time that really happened.
 */
final class ConfirmationStats {

    /** One confirmation: who, and how long after acceptance. */
    record Sample(String agent, Duration elapsed) {
    }

    /** One agent's figures (or everyone's, agent null). */
    record Row(String agent, int confirmed, BigDecimal medianMinutes, BigDecimal p90Minutes, int withinLimit,
               BigDecimal shareWithinLimit) {
    }

    /** The report: one row per agent (by name) and the total. */
    record Report(List<Row> agents, Row total) {
    }

    private ConfirmationStats() {
    }

    static Report of(List<Sample> samples, Duration limit) {
        Map<String, List<Duration>> byAgent = new TreeMap<>();
        for (Sample s : samples) {
            byAgent.computeIfAbsent(s.agent(), a -> new ArrayList<>()).add(s.elapsed());
        }
        List<Row> rows = new ArrayList<>();
        byAgent.forEach((agent, times) -> rows.add(row(agent, times, limit)));
        return new Report(rows, row(null, samples.stream().map(Sample::elapsed).toList(), limit));
    }

    static Row row(String agent, List<Duration> times, Duration limit) {
        List<Duration> sorted = new ArrayList<>(times);
        sorted.sort(null);
        int n = sorted.size();
        int within = (int) sorted.stream().filter(d -> d.compareTo(limit) <= 0).count();
        return new Row(agent, n, n == 0 ? null : minutes(percentile(sorted, 50)), n == 0 ? null : minutes(percentile(sorted, 90)),
                within, n == 0 ? null : BigDecimal.valueOf(within).divide(BigDecimal.valueOf(n), 3, RoundingMode.HALF_UP));
    }

    /** Nearest rank: the smallest value with at least p percent of the values at or below it. */
    static Duration percentile(List<Duration> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    static BigDecimal minutes(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
    }
}
