package org.wubu.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.wubu.catalog.api.ProductPage;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductStatus;

/**
 * Issue 5, performance: product list with paging, p95 with 100,000 products within 1.2x of the p95 with
 * 1,000 products. Loads products with plain JDBC batches (1,000 rows, one transaction each) into a fresh
 * Derby, then times {@link CatalogStore#list} (what GET /api/catalog/products calls) for several pages.
 *
 * <p>System properties: {@code bench.small} (1000), {@code bench.large} (100000), {@code bench.warmup} (100),
 * {@code bench.calls} (300), {@code bench.limit} (50, the console's page size).
 */
public final class ProductListBenchmark {

    static final double TARGET = 1.2;
    static final String[][] ADJ = {{"红色", "Red"}, {"蓝色", "Blue"}, {"绿色", "Green"}, {"黑色", "Black"}, {"白色", "White"},
            {"经典", "Classic"}, {"便携", "Portable"}, {"手工", "Handmade"}, {"有机", "Organic"}, {"豪华", "Deluxe"}};
    static final String[][] MATERIAL = {{"丝绸", "Silk"}, {"陶瓷", "Ceramic"}, {"竹制", "Bamboo"}, {"不锈钢", "Steel"},
            {"棉质", "Cotton"}, {"玻璃", "Glass"}, {"木质", "Wooden"}, {"皮革", "Leather"}};
    static final String[][] NOUN = {{"围巾", "Scarf"}, {"茶杯", "Teacup"}, {"台灯", "Lamp"}, {"背包", "Backpack"}, {"筷子", "Chopsticks"},
            {"茶叶", "Tea"}, {"花瓶", "Vase"}, {"枕头", "Pillow"}, {"水壶", "Kettle"}, {"钱包", "Wallet"}, {"雨伞", "Umbrella"},
            {"毛巾", "Towel"}, {"餐盘", "Plate"}, {"拖鞋", "Slippers"}, {"笔记本", "Notebook"}, {"手表", "Watch"}, {"耳机", "Headphones"},
            {"镜子", "Mirror"}, {"香薰", "Candle"}, {"帽子", "Hat"}};
    static final String[] CATEGORY = {"home/kitchen", "home/decor", "fashion/accessories", "fashion/shoes", "food/tea",
            "electronics/audio", "stationery", "outdoor"};

    private ProductListBenchmark() {
    }

    static String sku(int i) {
        return String.format(Locale.ROOT, "WB-%07d", i);
    }

    /** Deterministic product i: 60% listed, 20% draft, 15% delisted, 5% pending listing. */
    static BenchCatalog.Row row(int i) {
        int h = Integer.hashCode(i * 0x9E3779B1);
        String[] a = ADJ[Math.floorMod(h, ADJ.length)];
        String[] m = MATERIAL[Math.floorMod(h >>> 8, MATERIAL.length)];
        String[] n = NOUN[Math.floorMod(h >>> 16, NOUN.length)];
        int s = Math.floorMod(h >>> 4, 20);
        String status = s < 12 ? "LISTED" : s < 16 ? "DRAFT" : s < 19 ? "DELISTED" : "PENDING_LISTING";
        return new BenchCatalog.Row(sku(i), a[0] + m[0] + n[0], a[1] + " " + m[1] + " " + n[1],
                CATEGORY[Math.floorMod(h >>> 12, CATEGORY.length)], status,
                BigDecimal.valueOf(990 + Math.floorMod(h, 50000), 2), "DELISTED".equals(status) ? 0 : 1 + Math.floorMod(h >>> 3, 500));
    }

    static void load(BenchCatalog b, int from, int to) throws Exception {
        long t0 = System.nanoTime();
        for (int start = from; start < to; start += 1000) {
            List<BenchCatalog.Row> rows = new ArrayList<>(1000);
            for (int i = start; i < Math.min(to, start + 1000); i++) {
                rows.add(row(i));
            }
            b.insert(rows);
        }
        b.updateStatistics();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "inserted %,d products (JDBC batches of 1,000, one transaction each) in %.1f s (%,.0f rows/s)%n",
                to - from, s, (to - from) / s);
    }

    record Scenario(String name, Supplier<ProductQuery> query) {
    }

    static List<Scenario> scenarios(int n, int limit) {
        String deep = sku((int) (n * 0.9));
        String rare = sku(n / 2).toLowerCase(Locale.ROOT);
        return List.of(
                new Scenario("first page", () -> new ProductQuery(null, null, null, limit)),
                new Scenario("deep page (after " + "90% of the keyset)", () -> new ProductQuery(null, null, deep, limit)),
                new Scenario("status LISTED + text \"teacup\"", () -> new ProductQuery(ProductStatus.LISTED, "teacup", null, limit)),
                new Scenario("text matching 1 product (SKU)", () -> new ProductQuery(null, rare, null, limit)),
                new Scenario("text \"茶杯\" (Chinese pair)", () -> new ProductQuery(null, "茶杯", null, limit)),
                new Scenario("text \"杯\" (one Chinese character)", () -> new ProductQuery(null, "杯", null, limit)),
                new Scenario("text \"tea\" (word prefix: tea, teacup)", () -> new ProductQuery(null, "tea", null, limit)),
                new Scenario("status LISTED + text \"red silk\"", () -> new ProductQuery(ProductStatus.LISTED, "red silk", null, limit)),
                new Scenario("category \"home\" (with sub-categories)", () -> new ProductQuery(null, null, null, limit, "home")));
    }

    /** Times the calls; returns the latencies in ms, sorted. */
    static double[] time(BenchCatalog b, ProductQuery q, int warmup, int calls) {
        for (int i = 0; i < warmup; i++) {
            b.catalog.list(BenchCatalog.READER, q);
        }
        double[] ms = new double[calls];
        int items = 0;
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            ProductPage p = b.catalog.list(BenchCatalog.READER, q);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            items = p.items().size();
        }
        Arrays.sort(ms);
        if (items == 0) {
            System.out.println("  (warning: the page was empty)");
        }
        return ms;
    }

    static double pct(double[] sorted, double p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    static Map<String, double[]> measure(BenchCatalog b, int n, int limit, int warmup, int calls) {
        Map<String, double[]> out = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "%n== %,d products (catalog holds %,d), page size %d, %d warm-up + %d timed calls each ==%n",
                n, b.catalog.count(), limit, warmup, calls);
        System.out.printf(Locale.ROOT, "%-42s %5s %9s %9s %9s%n", "scenario", "items", "p50 ms", "p95 ms", "p99 ms");
        for (Scenario s : scenarios(n, limit)) {
            ProductQuery q = s.query().get();
            double[] ms = time(b, q, warmup, calls);
            int items = b.catalog.list(BenchCatalog.READER, q).items().size();
            System.out.printf(Locale.ROOT, "%-42s %5d %9.2f %9.2f %9.2f%n", s.name(), items, pct(ms, 50), pct(ms, 95), pct(ms, 99));
            out.put(s.name().replaceAll("\\(after.*\\)", "").trim(), ms);
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        int small = Integer.getInteger("bench.small", 1_000);
        int large = Integer.getInteger("bench.large", 100_000);
        int warmup = Integer.getInteger("bench.warmup", 100);
        int calls = Integer.getInteger("bench.calls", 1_000);
        int limit = Integer.getInteger("bench.limit", ProductQuery.DEFAULT_LIMIT);
        System.out.printf(Locale.ROOT, "ProductListBenchmark: Java %s, %d cores, max heap %d MB%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        try (BenchCatalog b = new BenchCatalog("product-list")) {
            load(b, 0, small);
            // JIT warm-up of the whole path (EclipseLink, Derby) before anything is timed, so the small
            // catalog's figures do not carry the compilation cost
            for (Scenario sc : scenarios(small, limit)) {
                time(b, sc.query().get(), 0, Integer.getInteger("bench.jitWarmup", 1000));
            }
            Map<String, double[]> s = measure(b, small, limit, warmup, calls);
            load(b, small, large);
            Map<String, double[]> l = measure(b, large, limit, warmup, calls);

            System.out.printf(Locale.ROOT, "%n== p95(%,d) / p95(%,d), target <= %.1fx ==%n", large, small, TARGET);
            boolean allMet = true;
            List<String> missed = new ArrayList<>();
            for (String name : s.keySet()) {
                double r = pct(l.get(name), 95) / pct(s.get(name), 95);
                boolean met = r <= TARGET;
                allMet &= met;
                if (!met) {
                    missed.add(name);
                }
                System.out.printf(Locale.ROOT, "%-42s %6.2fx  %s%n", name, r, met ? "met" : "MISSED");
            }
            System.out.println();
            if (allMet) {
                System.out.println("target met for every scenario.");
            } else {
                System.out.println("target MISSED for: " + missed);
                System.out.println("why: look at the scenario's plan. Text search reads the term index CAT_PRODUCT_TERM by"
                        + " (TERM, SKU) in SKU order and stops after a page (ProductSearch), so its work should not grow with"
                        + " the catalog; a miss of a sub-millisecond figure is usually noise (GC, JIT, a loaded 2-core machine).");
                System.out.println("note: ratios of sub-millisecond p95s are also sensitive to noise (GC, JIT, a 2-core machine).");
            }
        }
    }
}
