package org.wubu.catalog.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.persistence.EntityManager;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductStatus;

/**
 * Where a search page's time goes, on a database that ProductListBenchmark left under target/ (its folder as
 * the argument): thread CPU time per call (not disturbed by other processes' load as wall time is) of the whole
 * page, of the term lists' intersection alone, and the index entries it reads. Prints medians and p95s.
 */
public final class SearchProfile {

    /** The first read of each list (the page reads two pages' worth, 102); {@code -Dbench.firstChunk} to try others. */
    static final int FIRST_CHUNK = Integer.getInteger("bench.firstChunk", 102);

    private SearchProfile() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.getInteger("bench.calls", 2000);
        try (BenchCatalog b = new BenchCatalog(Path.of(args[0]))) {
            long products = b.catalog.count();
            System.out.printf("%,d products, %d calls each (thread CPU time, ms)%n", products, calls);
            if (Boolean.getBoolean("bench.plan")) {
                try (java.sql.Connection c = b.ds.getConnection(); java.sql.Statement st = c.createStatement()) {
                    st.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
                    try (java.sql.PreparedStatement ps = c.prepareStatement(TermReads.FROM_IN_STATUS)) {
                        ps.setString(1, "red");
                        ps.setString(2, "LISTED");
                        ps.setString(3, "");
                        ps.setMaxRows(100);
                        try (java.sql.ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rs.getString(1);
                            }
                        }
                    }
                    try (java.sql.ResultSet rs = st.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                        rs.next();
                        System.out.println(rs.getString(1));
                    }
                }
                return;
            }
            String[][] cases = {{"LISTED", "red silk"}, {"LISTED", "teacup"}, {null, "杯"}, {null, "tea"}};
            for (String[] c : cases) {
                ProductStatus status = c[0] == null ? null : ProductStatus.valueOf(c[0]);
                ProductQuery q = new ProductQuery(status, c[1], null, 50);
                SearchTerms.Query text = SearchTerms.query(q.text(), q.category());
                int[] entries = new int[1];
                int[] matches = new int[1];
                Runnable page = () -> b.catalog.list(BenchCatalog.READER, q);
                Runnable intersection = intersection(b, text, c[0], 51, entries, matches);
                int[] allEntries = new int[1];
                int[] allMatches = new int[1];
                // before V7: the lists of all statuses, and as many candidates as the page loaded to fill 50 of the status
                Runnable before = intersection(b, text, null, status == null ? 51 : 102, allEntries, allMatches);
                List<String> skus = new ArrayList<>();
                b.catalog.list(BenchCatalog.READER, new ProductQuery(status, c[1], null, 51)).items().forEach(p -> skus.add(p.sku()));
                Runnable load = () -> {
                    EntityManager em = b.emf.createEntityManager();
                    try {
                        em.getTransaction().begin();
                        var jq = em.createQuery("SELECT p FROM ProductEntity p WHERE p.sku IN :skus"
                                + (status == null ? "" : " AND p.status = :status") + " ORDER BY p.sku", ProductEntity.class)
                                .setParameter("skus", skus);
                        if (status != null) {
                            jq.setParameter("status", status.name());
                        }
                        jq.getResultList().forEach(ProductEntity::toProduct);
                        em.getTransaction().rollback();
                    } finally {
                        em.close();
                    }
                };
                if (status != null) {
                    int[] termEntries = new int[1];
                    int[] termMatches = new int[1];
                    String t = time(statusTerm(b, text, status.name(), termEntries, termMatches), calls);
                    System.out.printf("%-8s %-8s status as one more list: intersection %s, entries read %d for %d matches%n",
                            c[0], c[1], t, termEntries[0], termMatches[0]);
                }
                System.out.printf("%-8s %-8s page %s | intersection %s | load %s | entries read %d for %d matches"
                        + " | all statuses: intersection %s, entries read %d for %d candidates%n", c[0], c[1],
                        time(page, calls), time(intersection, calls), time(load, calls), entries[0], matches[0],
                        time(before, calls), allEntries[0], allMatches[0]);
            }
        }
    }

    /** The intersection of the query's lists (of the status; null: all) up to the given number of matches. */
    private static Runnable intersection(BenchCatalog b, SearchTerms.Query text, String status, int wanted, int[] entries,
                                         int[] matches) {
        return () -> {
            EntityManager em = b.emf.createEntityManager();
            try {
                em.getTransaction().begin();
                try (TermReads reads = TermReads.on(em, status)) {
                    TermIntersection common = new TermIntersection(reads, ProductSearch.ordered(text), "", FIRST_CHUNK,
                            ProductSearch.MAX_SCAN);
                    int n = 0;
                    while (n < wanted && common.next() != null) {
                        n++;
                    }
                    entries[0] = common.read();
                    matches[0] = n;
                }
                em.getTransaction().rollback();
            } finally {
                em.close();
            }
        };
    }

    /**
     * The alternative to V7's column: the status as one more term list of the leapfrog (a "!listed" term), read
     * here from CAT_PRODUCT's index (STATUS, SKU), which holds the same SKUs in the same order.
     */
    private static Runnable statusTerm(BenchCatalog b, SearchTerms.Query text, String status, int[] entries, int[] matches) {
        return () -> {
            EntityManager em = b.emf.createEntityManager();
            try {
                em.getTransaction().begin();
                java.sql.Connection c = em.unwrap(java.sql.Connection.class);
                try (TermReads words = TermReads.on(em, null);
                     java.sql.PreparedStatement from = c.prepareStatement(
                             "SELECT SKU FROM CAT_PRODUCT WHERE STATUS = ? AND SKU >= ? ORDER BY SKU");
                     java.sql.PreparedStatement after = c.prepareStatement(
                             "SELECT SKU FROM CAT_PRODUCT WHERE STATUS = ? AND SKU > ? ORDER BY SKU")) {
                    TermCursor.Reader reader = (term, start, inclusive, max) -> {
                        if (!term.equals("!status")) {
                            return words.read(term, start, inclusive, max);
                        }
                        try {
                            java.sql.PreparedStatement ps = inclusive ? from : after;
                            ps.setString(1, status);
                            ps.setString(2, start);
                            ps.setMaxRows(max);
                            List<String> out = new ArrayList<>();
                            try (java.sql.ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    out.add(rs.getString(1));
                                }
                            }
                            return out;
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    };
                    List<String> terms = new ArrayList<>(ProductSearch.ordered(text));
                    terms.add("!status");
                    TermIntersection common = new TermIntersection(reader, terms, "", 102, Integer.MAX_VALUE);
                    int n = 0;
                    while (n < 51 && common.next() != null) {
                        n++;
                    }
                    entries[0] = common.read();
                    matches[0] = n;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                em.getTransaction().rollback();
            } finally {
                em.close();
            }
        };
    }

    private static String time(Runnable r, int calls) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < calls; i++) {
            r.run();
        }
        long[] cpu = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            r.run();
            cpu[i] = mx.getCurrentThreadCpuTime() - t0;
        }
        Arrays.sort(cpu);
        return String.format("p50 %.2f p95 %.2f", cpu[calls / 2] / 1e6, cpu[calls * 95 / 100] / 1e6);
    }
}
