package org.wubu.orders.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.wubu.orders.api.OrderPage;
import org.wubu.orders.api.OrderQuery;
import org.wubu.orders.api.OrderState;

/**
 * Order list and board pages (issue 6: p95 with 1,000,000 orders within 1.2x of p95 with 10,000): the real
 * {@link OrderStore#list} (what {@code GET /api/orders?state=&before=&limit=} and the board call) on embedded
 * Derby, page size 50, in two fresh databases of 10,000 and 1,000,000 orders. Orders are loaded in bulk: their
 * ORD_ORDER and ORD_STATUS rows (the two tables the list reads; lines and records are not needed by it), in a
 * spread of states like a shop's history: most delivered, a few percent in flight.
 */
public final class OrderListBenchmark {

    /** State of order i: 1 % waiting for confirmation, 2 % confirmed, 1 % packed, 5 % shipped, 1 % cancelled, the rest delivered. */
    static OrderState stateOf(long i) {
        int m = (int) (i % 100);
        if (m == 0) {
            return OrderState.ACCEPTED;
        } else if (m <= 2) {
            return OrderState.CONFIRMED;
        } else if (m == 3) {
            return OrderState.PACKED;
        } else if (m <= 8) {
            return OrderState.SHIPPED;
        } else if (m == 9) {
            return OrderState.CANCELLED;
        }
        return OrderState.DELIVERED;
    }

    /** Time budget of the JIT warm-up, of each scenario's warm-up and of its timed calls. */
    private static final long BUDGET_NANOS = Long.getLong("bench.budgetSeconds", 60) * 1_000_000_000L;
    private static final int MIN_CALLS = 20;

    private OrderListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int small = Integer.getInteger("bench.small", 10_000);
        int large = Integer.getInteger("bench.large", 1_000_000);
        int calls = Integer.getInteger("bench.calls", 300);
        int warmup = Integer.getInteger("bench.warmup", 100);
        int jit = Integer.getInteger("bench.jitWarmup", 1000);
        Map<String, double[]> atSmall = atSize(small, calls, warmup, jit);
        Map<String, double[]> atLarge = atSize(large, calls, warmup, jit);
        System.out.printf(Locale.ROOT, "%n%-44s %9s %8s %8s | %9s %8s %8s | %9s%n", "scenario (page size 50), ms", "small p50", "p95", "p99",
                "large p50", "p95", "p99", "p95 ratio");
        for (String scenario : atSmall.keySet()) {
            double[] s = atSmall.get(scenario);
            double[] l = atLarge.get(scenario);
            double ratio = l[1] / s[1];
            System.out.printf(Locale.ROOT, "%-44s %9.2f %8.2f %8.2f | %9.2f %8.2f %8.2f | %8.2fx %s%n", scenario, s[0], s[1], s[2], l[0], l[1],
                    l[2], ratio, ratio <= 1.2 ? "met" : "MISSED");
        }
    }

    /** A fresh database with {@code size} orders, then the scenarios. */
    private static Map<String, double[]> atSize(int size, int calls, int warmup, int jit) throws Exception {
        try (BenchShop shop = new BenchShop("list-" + size)) {
            shop.start();
            long t0 = System.nanoTime();
            load(shop, size);
            System.out.printf(Locale.ROOT, "loaded %,d orders in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
            shop.updateStatistics("ORD_ORDER");
            shop.updateStatistics("ORD_STATUS");
            return measure(shop, size, calls, warmup, jit);
        }
    }

    /** The scenarios at this size: p50, p95, p99 in ms. */
    private static Map<String, double[]> measure(BenchShop shop, int size, int maxCalls, int warmup, int jit) {
        Map<String, OrderQuery> scenarios = new LinkedHashMap<>();
        scenarios.put("list: first page (newest)", new OrderQuery(null, null, 50));
        scenarios.put("list: deep page (before the order at 10 %)", new OrderQuery(null, (long) (size / 10), 50));
        scenarios.put("board: waiting for confirmation (1 %)", new OrderQuery(OrderState.ACCEPTED, null, 50));
        scenarios.put("board: confirmed, to pack (2 %)", new OrderQuery(OrderState.CONFIRMED, null, 50));
        scenarios.put("board: shipped (5 %), deep page", new OrderQuery(OrderState.SHIPPED, (long) (size / 2), 50));
        long budget = System.nanoTime() + BUDGET_NANOS;
        for (int i = 0; i < jit && System.nanoTime() < budget; i++) {
            for (OrderQuery q : scenarios.values()) {
                shop.orders.list(BenchShop.READER, q);
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, OrderQuery> e : scenarios.entrySet()) {
            int calls = maxCalls;
            long until = System.nanoTime() + BUDGET_NANOS;
            for (int i = 0; i < warmup && System.nanoTime() < until; i++) {
                shop.orders.list(BenchShop.READER, e.getValue());
            }
            // A slow scenario (a scan) stops after its time budget with at least MIN_CALLS timed calls.
            until = System.nanoTime() + BUDGET_NANOS;
            double[] all = new double[calls];
            int done = 0;
            int items = 0;
            while (done < calls && (done < MIN_CALLS || System.nanoTime() < until)) {
                long t = System.nanoTime();
                OrderPage page = shop.orders.list(BenchShop.READER, e.getValue());
                all[done++] = (System.nanoTime() - t) / 1e6;
                items = page.items().size();
            }
            double[] ms = Arrays.copyOf(all, done);
            calls = done;
            if (items != 50) {
                throw new IllegalStateException(e.getKey() + " answered " + items + " orders, not a full page");
            }
            Arrays.sort(ms);
            double[] p = {ms[calls / 2], ms[(int) Math.ceil(calls * 0.95) - 1], ms[(int) Math.ceil(calls * 0.99) - 1]};
            out.put(e.getKey(), p);
            System.out.printf(Locale.ROOT, "%,9d orders  %-44s p50 %7.2f  p95 %7.2f  p99 %7.2f ms  (%d calls)%n", size, e.getKey(), p[0], p[1],
                    p[2], calls);
        }
        return out;
    }

    /**
     * Orders 1..size: their ORD_ORDER and ORD_STATUS rows written to CSV files and loaded with Derby's
     * SYSCS_IMPORT_TABLE into the empty tables (Derby inserts an empty table in bulk;
     * batched INSERTs ran at about 600 rows/s on this loaded machine, too slow for a million orders).
     */
    private static void load(BenchShop shop, int size) throws Exception {
        java.nio.file.Path orders = shop.folder.resolve("orders.csv");
        java.nio.file.Path statuses = shop.folder.resolve("status.csv");
        long base = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        java.time.format.DateTimeFormatter ts = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC);
        try (java.io.BufferedWriter o = java.nio.file.Files.newBufferedWriter(orders, java.nio.charset.StandardCharsets.UTF_8);
             java.io.BufferedWriter st = java.nio.file.Files.newBufferedWriter(statuses, java.nio.charset.StandardCharsets.UTF_8)) {
            for (long i = 1; i <= size; i++) {
                String at = ts.format(Instant.ofEpochMilli(base + i * 30_000L));
                BigDecimal total = BigDecimal.valueOf(10_000 + (i * 7919) % 90_000, 2);
                // ID, CREATED_AT, CREATED_BY, SOURCE, CUSTOMER_NAME, CUSTOMER_PHONE, ADDRESS, PAYMENT_METHOD, PAYMENT_AMOUNT,
                // PAYMENT_REF, CURRENCY, TOTAL, LINE_COUNT, NOTE (empty: NULL)
                o.write(i + ",\"" + at + "\",\"storefront\",\"storefront\",\"顾客" + (i % 5000) + "\",\"138 0013 8000\","
                        + "\"上海市浦东新区世纪大道 100 号\",\"alipay\"," + total + ",\"TX-" + i + "\",\"CNY\"," + total + ",3,\n");
                // ORDER_ID, STATE, LAST_SEQ, LAST_RECORD_ID, LAST_AT, ACCEPTED_AT, OVERDUE, PAYMENT_FLAGS, HAS_NOTES
                st.write(i + ",\"" + stateOf(i).name() + "\",4," + (i * 4) + ",\"" + at + "\",\"" + at + "\",false,0,"
                        + (i % 20 == 0) + "\n");
            }
        }
        try (Connection c = shop.ds.getConnection()) {
            for (String[] t : new String[][] {{"ORD_ORDER", orders.toString()}, {"ORD_STATUS", statuses.toString()}}) {
                try (PreparedStatement ps = c.prepareStatement("CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE('APP', ?, ?, ',', '\"', 'UTF-8', 0)")) {
                    ps.setString(1, t[0]);
                    ps.setString(2, t[1]);
                    ps.execute();
                }
            }
        }
        if (shop.count("ORD_ORDER") != size || shop.count("ORD_STATUS") != size) {
            throw new SQLException("the import did not load " + size + " orders");
        }
    }
}
