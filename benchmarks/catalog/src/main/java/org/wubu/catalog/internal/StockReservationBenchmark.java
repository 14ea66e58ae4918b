package org.wubu.catalog.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.wubu.catalog.api.CatalogService;
import org.wubu.platform.api.WubuException;

/**
 * Issue 5, performance: 8 concurrent clients reserving the same SKU never oversell; prints reservations/s.
 * Calls the real {@link CatalogStore#reserve}, {@link CatalogStore#release} and {@link CatalogStore#commit}
 * (what the orders area calls through catalog-api) against a fresh Derby.
 *
 * <p>System properties: {@code bench.stock} (5000), {@code bench.threads} (8).
 */
public final class StockReservationBenchmark {

    private StockReservationBenchmark() {
    }

    static final class Counts {
        final AtomicLong reserved = new AtomicLong();
        final AtomicLong released = new AtomicLong();
        final AtomicLong committed = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Map<String, Long> errorKinds = new ConcurrentHashMap<>();

        void error(Throwable t) {
            errors.incrementAndGet();
            errorKinds.merge(t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).lines().findFirst().orElse(""),
                    1L, Long::sum);
        }
    }

    static long[] stockAndReserved(BenchCatalog b, String sku) throws Exception {
        try (Connection c = b.ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT STOCK, RESERVED, STATUS, DELIST_REASON FROM CAT_PRODUCT WHERE SKU = ?")) {
            ps.setString(1, sku);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                System.out.printf(Locale.ROOT, "final row: STOCK=%d RESERVED=%d STATUS=%s DELIST_REASON=%s%n",
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4));
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    static long movements(BenchCatalog b, String sku, String kind) throws Exception {
        try (Connection c = b.ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM CAT_STOCK_MOVEMENT WHERE SKU = ? AND KIND = ?")) {
            ps.setString(1, sku);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static boolean check(String what, boolean ok) {
        System.out.printf(Locale.ROOT, "  %-4s %s%n", ok ? "PASS" : "FAIL", what);
        return ok;
    }

    /**
     * Runs the clients: each reserves 1 unit in a loop until refused with insufficient-stock. With
     * {@code mixed}, after each reservation a client releases it (25%), commits it (50%) or keeps it (25%).
     */
    static Counts run(BenchCatalog b, String sku, int threads, boolean mixed) throws Exception {
        Counts k = new Counts();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                for (int i = 0; ; i++) {
                    String ref = "order-" + id + "-" + i;
                    try {
                        b.catalog.reserve(BenchCatalog.ORDERS, sku, 1, ref);
                        k.reserved.incrementAndGet();
                    } catch (WubuException e) {
                        if (CatalogService.INSUFFICIENT_STOCK.equals(e.code())) {
                            k.refused.incrementAndGet();
                            return;
                        }
                        k.error(e);
                        continue;
                    } catch (RuntimeException e) {
                        k.error(e);
                        if (k.errors.get() > 1000) {
                            return;
                        }
                        continue;
                    }
                    if (mixed) {
                        int r = rnd.nextInt(4);
                        try {
                            if (r == 0) {
                                b.catalog.release(BenchCatalog.ORDERS, sku, 1, ref);
                                k.released.incrementAndGet();
                            } else if (r <= 2) {
                                b.catalog.commit(BenchCatalog.ORDERS, sku, 1, ref);
                                k.committed.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            k.error(e);
                        }
                    }
                }
            }, "client-" + t);
            th.start();
            all.add(th);
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread th : all) {
            th.join();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long calls = k.reserved.get() + k.released.get() + k.committed.get() + k.refused.get() + k.errors.get();
        System.out.printf(Locale.ROOT, "%d clients, %.2f s: %,d reservations (%,.0f reservations/s), %,d releases, %,d commits,"
                        + " %,d refusals, %,d errors; %,.0f calls/s in all%n",
                threads, s, k.reserved.get(), k.reserved.get() / s, k.released.get(), k.committed.get(), k.refused.get(),
                k.errors.get(), calls / s);
        k.errorKinds.forEach((m, n) -> System.out.println("  error x" + n + ": " + m));
        return k;
    }

    static void product(BenchCatalog b, String sku, long stock) throws Exception {
        b.insert(List.of(new BenchCatalog.Row(sku, "并发测试茶杯", "Concurrency Teacup", "home/kitchen", "LISTED",
                new BigDecimal("39.90"), stock)));
    }

    public static void main(String[] args) throws Exception {
        long stock = Long.getLong("bench.stock", 5_000);
        int threads = Integer.getInteger("bench.threads", 8);
        System.out.printf(Locale.ROOT, "StockReservationBenchmark: Java %s, %d cores, stock %,d, %d clients%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), stock, threads);
        boolean ok = true;
        try (BenchCatalog b = new BenchCatalog("stock")) {
            // warm-up on another SKU (JIT, EclipseLink query parsing, Derby statement cache)
            product(b, "WARM-1", 500);
            run(b, "WARM-1", threads, true);

            System.out.println("\n== 1. reserve only: every client reserves 1 unit until refused ==");
            product(b, "BENCH-1", stock);
            Counts k = run(b, "BENCH-1", threads, false);
            long[] f = stockAndReserved(b, "BENCH-1");
            ok &= check("no unexpected errors (" + k.errors.get() + ")", k.errors.get() == 0);
            ok &= check("total reserved " + k.reserved.get() + " == stock " + stock, k.reserved.get() == stock);
            ok &= check("final stock " + f[0] + " == 0 (never oversold)", f[0] == 0);
            ok &= check("RESERVED column " + f[1] + " == " + stock, f[1] == stock);
            long ledger = movements(b, "BENCH-1", "RESERVATION");
            ok &= check("ledger holds " + ledger + " RESERVATION movements == " + stock, ledger == stock);
            ok &= check("every client was refused at the end (" + k.refused.get() + " refusals)", k.refused.get() == threads);

            System.out.println("\n== 2. mixed: after each reservation release it (25%), commit it (50%) or keep it (25%) ==");
            product(b, "BENCH-2", stock);
            Counts m = run(b, "BENCH-2", threads, true);
            long[] g = stockAndReserved(b, "BENCH-2");
            long held = m.reserved.get() - m.released.get() - m.committed.get();
            ok &= check("no unexpected errors (" + m.errors.get() + ")", m.errors.get() == 0);
            ok &= check("final stock " + g[0] + " >= 0 and == stock - reserved + released = "
                    + (stock - m.reserved.get() + m.released.get()), g[0] >= 0 && g[0] == stock - m.reserved.get() + m.released.get());
            ok &= check("RESERVED column " + g[1] + " == reserved - released - committed = " + held, g[1] == held);
            ok &= check("units conserved: stock " + g[0] + " + held " + g[1] + " + committed " + m.committed.get() + " == " + stock,
                    g[0] + g[1] + m.committed.get() == stock);
            ok &= check("net reserved (reserved - released) " + (m.reserved.get() - m.released.get()) + " <= stock " + stock
                    + " (never oversold)", m.reserved.get() - m.released.get() <= stock);
            long sales = movements(b, "BENCH-2", "SALE");
            long releases = movements(b, "BENCH-2", "RELEASE");
            ok &= check("ledger: " + sales + " SALE == commits, " + releases + " RELEASE == releases",
                    sales == m.committed.get() && releases == m.released.get());
        }
        System.out.println("\noverall: " + (ok ? "PASS" : "FAIL"));
    }
}
