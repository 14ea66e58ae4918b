package org.wubu.orders.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.client.HttpClient;
import org.wubu.orders.api.Customer;
import org.wubu.orders.api.OrderDraft;
import org.wubu.orders.api.OrderLineDraft;
import org.wubu.orders.api.Payment;
import org.wubu.platform.api.Money;
import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.client.util.StringContentProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.wubu.orders.api.OrderRecord;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.chain.HashChain;
import org.wubu.platform.web.Rest;

/**
 * Intake throughput (issue 6): {@code POST /api/orders} with 3 lines, a unique Idempotency-Key each, over
 * HTTP/1.1 to an embedded Jetty 9.4.58 (the Jetty of Pax Web 8) serving the real {@link OrdersServlet} on the
 * real {@link OrderStore} (stock reserved through the real catalog store on EclipseLink), against raw JDBC
 * inserts of the same rows into the same embedded Derby: one transaction and one durable commit per order.
 * Rounds alternate (intake, raw, raw with stock, ...) so that both see the same database size.
 *
 * <p>Not measured: the platform's authentication (a filter hands the servlet the storefront caller, as the
 * API context does after login; HTTP Basic would add an Argon2id hash per request, an API token a SHA-256)
 * and EventAdmin delivery. The platform's audit log is measured (its entries are written to the same
 * database, as in Karaf) unless {@code -Dbench.audit=count} replaces it by a counter.
 */
public final class IntakeBenchmark {

    private static final List<String> SKUS = List.of("BENCH-TEA", "BENCH-CUP", "BENCH-POT");
    private static final String BODY = "{\"customer\":{\"name\":\"王小明\",\"phone\":\"138 0013 8000\"},"
            + "\"address\":\"上海市浦东新区世纪大道 100 号 8 楼\",\"lines\":["
            + "{\"sku\":\"BENCH-TEA\",\"quantity\":1,\"unitPrice\":{\"amount\":\"268.00\",\"currency\":\"CNY\"}},"
            + "{\"sku\":\"BENCH-CUP\",\"quantity\":2,\"unitPrice\":{\"amount\":\"268.00\",\"currency\":\"CNY\"}},"
            + "{\"sku\":\"BENCH-POT\",\"quantity\":1,\"unitPrice\":{\"amount\":\"268.00\",\"currency\":\"CNY\"}}],"
            + "\"payment\":{\"method\":\"alipay\",\"amount\":{\"amount\":\"1072.00\",\"currency\":\"CNY\"},\"transactionRef\":\"TX-%s\"},"
            + "\"note\":\"请工作日送货\",\"source\":\"storefront\"}";

    /** Time spent in the servlet (JSON, intake, answer) and the number of requests, across all POSTs. */
    private static final AtomicLong SERVER_NANOS = new AtomicLong();
    private static final AtomicLong SERVER_REQUESTS = new AtomicLong();

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("bench.orders", 1000);
        int rounds = Integer.getInteger("bench.rounds", 4);
        int warmup = Integer.getInteger("bench.warmup", 300);
        int clients = Integer.getInteger("bench.clients", 1);
        try (BenchShop shop = new BenchShop("intake")) {
            shop.products(SKUS, "268.00", 100_000_000L);
            shop.start();
            System.out.println("audit log: " + (shop.realAudit ? "the platform's (org.wubu.audit AuditLog, same database)"
                    : "a counter (-Dbench.audit=count)"));
            Server jetty = jetty(shop);
            int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
            // Jetty's client, with TCP_NODELAY as importers' HTTP clients set it. The JDK's HttpClient writes a POST's
            // headers and body in two segments without it: Nagle then holds the body until the server's delayed ACK,
            // 40 ms per request on Linux, and the benchmark measured that instead of intake.
            HttpClient http = new HttpClient();
            http.setTCPNoDelay(true);
            http.setConnectTimeout(5000);
            http.start();
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/orders");
            AtomicLong keys = new AtomicLong();
            Phase intake = n -> run(n, clients, () -> post(http, uri, "k-" + keys.incrementAndGet()));
            // The CREATED payload of a real order, so that raw rows are the same size as intake's.
            post(http, uri, "k-" + keys.incrementAndGet());
            RawIntake raw = new RawIntake(shop, createdPayload(shop));
            Phase direct = n -> run(n, clients, () -> place(shop, "d-" + keys.incrementAndGet()));
            Phase rawOrders = n -> run(n, clients, () -> raw.insert(false));
            Phase rawWithStock = n -> run(n, clients, () -> raw.insert(true));
            Phase rawEverything = n -> run(n, clients, () -> raw.insert(true, true));
            System.out.printf(Locale.ROOT, "clients=%d orders per phase=%d rounds=%d warm-up=%d per kind%n", clients, orders, rounds, warmup);
            intake.run(warmup);
            direct.run(warmup);
            rawOrders.run(warmup);
            rawWithStock.run(warmup);
            rawEverything.run(warmup);
            SERVER_NANOS.set(0);
            SERVER_REQUESTS.set(0);
            // Each round starts with another kind: whichever kind runs right after the raw inserts pays for Derby's
            // checkpoint of their log, so no kind may always be that one.
            String[] names = {"POST /api/orders", "raw JDBC (order rows)", "raw JDBC (order + stock rows)",
                    "raw JDBC (every row intake writes)", "OrderStore.place"};
            Phase[] kinds = {intake, rawOrders, rawWithStock, rawEverything, direct};
            double[] sums = new double[kinds.length];
            for (int r = 1; r <= rounds; r++) {
                StringBuilder line = new StringBuilder("round " + r + ":");
                double[] rate = new double[kinds.length];
                for (int i = 0; i < kinds.length; i++) {
                    int k = (i + r - 1) % kinds.length;
                    rate[k] = kinds[k].run(orders);
                }
                for (int k = 0; k < kinds.length; k++) {
                    sums[k] += rate[k];
                    line.append(k == 0 ? " " : " | ").append(names[k]).append(String.format(Locale.ROOT, " %.0f/s", rate[k]));
                }
                System.out.println(line);
            }
            double post = sums[0] / rounds;
            System.out.printf(Locale.ROOT, "%nPOST /api/orders:                           %8.0f orders/s%n", post);
            System.out.printf(Locale.ROOT, "OrderStore.place (no HTTP, no JSON):        %8.0f orders/s%n", sums[4] / rounds);
            System.out.printf(Locale.ROOT, "  per POST: %.2f ms seen by the client, %.2f ms inside the servlet (JSON + intake + answer)%n",
                    1000.0 / post, SERVER_NANOS.get() / 1e6 / Math.max(1, SERVER_REQUESTS.get()));
            String[] baselines = {"raw JDBC, the order rows:                ", "raw JDBC, the order rows + stock rows:   ",
                    "raw JDBC, every row intake writes:       "};
            for (int k = 1; k <= 3; k++) {
                double base = sums[k] / rounds;
                // The target compares intake with raw inserts of the same rows: the third baseline. The first two write
                // fewer rows than intake does and stay printed for comparison with earlier figures.
                System.out.printf(Locale.ROOT, "%s   %8.0f orders/s   ratio %.2f %s%n", baselines[k - 1], base, post / base,
                        k < 3 ? "(fewer rows than intake writes; for reference)"
                                : "(the same rows: target >= 0.5 " + (post / base >= 0.5 ? "met" : "MISSED") + ")");
            }
            System.out.println("  (every row: the order rows, the idempotency claim, 3 stock updates, 3 ledger rows, 3 open-reservation"
                    + " rows and 2 audit entries; the same rows POST /api/orders writes)");
            System.out.printf(Locale.ROOT, "rows: ORD_ORDER %d, ORD_LINE %d, ORD_RECORD %d, CAT_STOCK_MOVEMENT %d%n", shop.count("ORD_ORDER"),
                    shop.count("ORD_LINE"), shop.count("ORD_RECORD"), shop.count("CAT_STOCK_MOVEMENT"));
            http.stop();
            jetty.stop();
        }
    }

    @FunctionalInterface
    interface Phase {
        double run(int n) throws Exception;
    }

    @FunctionalInterface
    interface Work {
        void once() throws Exception;
    }

    /** Runs n operations on {@code clients} threads; the rate in operations per second. */
    private static double run(int n, int clients, Work work) throws Exception {
        AtomicInteger left = new AtomicInteger(n);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    work.once();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return n / seconds;
    }

    private static void post(HttpClient http, URI uri, String key) throws Exception {
        ContentResponse resp = http.POST(uri).timeout(30, TimeUnit.SECONDS).header("Idempotency-Key", key)
                .content(new StringContentProvider("application/json", String.format(BODY, key), StandardCharsets.UTF_8)).send();
        if (resp.getStatus() != 201) {
            throw new IllegalStateException("POST /api/orders answered " + resp.getStatus() + ": " + resp.getContentAsString());
        }
    }

    /** The same order as {@link #BODY}, straight into the store: what intake costs without HTTP and JSON. */
    private static void place(BenchShop shop, String key) {
        Money price = Money.cny("268.00");
        OrderDraft draft = new OrderDraft(new Customer("王小明", "138 0013 8000"), "上海市浦东新区世纪大道 100 号 8 楼",
                List.of(new OrderLineDraft("BENCH-TEA", 1, price), new OrderLineDraft("BENCH-CUP", 2, price),
                        new OrderLineDraft("BENCH-POT", 1, price)),
                new Payment("alipay", Money.cny("1072.00"), "TX-" + key), "请工作日送货", "storefront");
        shop.orders.place(BenchShop.STOREFRONT, key, draft);
    }

    private static Server jetty(BenchShop shop) throws Exception {
        Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/api");
        ServletHolder holder = new ServletHolder(new OrdersServlet(shop.orders, shop.clock));
        context.addServlet(holder, "/orders");
        context.addServlet(holder, "/orders/*");
        Filter caller = new Filter() {
            @Override
            public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
                req.setAttribute(Rest.CALLER, BenchShop.STOREFRONT);
                long start = System.nanoTime();
                chain.doFilter(req, resp);
                SERVER_NANOS.addAndGet(System.nanoTime() - start); // the servlet's time, to tell it from the transport's
                SERVER_REQUESTS.incrementAndGet();
            }
        };
        context.addFilter(new FilterHolder(caller), "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        return server;
    }

    private static String createdPayload(BenchShop shop) {
        List<OrderRecord> first = shop.orders.journal(Caller.SYSTEM, 0, null, null, 1);
        return first.get(0).payload();
    }

    /**
     * The rows intake writes, inserted with plain JDBC: the idempotency claim, the order, 3 lines, the
     * CREATED and ACCEPTED records chained by SHA-256 and the status row; with {@code stock} also what
     * reserving the 3 lines writes (3 product rows updated, 3 ledger movements). One transaction and one
     * commit per order; appends to the chain serialised by one lock, as the store does.
     */
    static final class RawIntake {
        private final BenchShop shop;
        private final String payload;
        private final ReentrantLock chain = new ReentrantLock();
        private final AtomicLong keys = new AtomicLong();
        /** The raw audit chain's head (guarded by {@link #chain}): sequence numbers count down from -1. */
        private long auditSeq;
        private String auditHash = HashChain.GENESIS;

        RawIntake(BenchShop shop, String payload) {
            this.shop = shop;
            this.payload = payload;
        }

        void insert(boolean stock) throws SQLException {
            insert(stock, false);
        }

        /**
         * With {@code everything} also the rows intake writes beyond the order and the stock: the 3 open-reservation
         * rows (what the order still holds of each product) and the 2 audit entries (the reservation's and the
         * order's), chained by SHA-256 like the audit log's. The audit rows go into the same AUDIT_ENTRY table with
         * negative sequence numbers, so that the audit log's own chain (its head is the largest number) is not
         * disturbed by them.
         */
        void insert(boolean stock, boolean everything) throws SQLException {
            String key = "raw-" + keys.incrementAndGet();
            Timestamp now = Timestamp.from(Instant.now());
            try (Connection c = shop.ds.getConnection()) {
                long orderId;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("VALUES NEXT VALUE FOR ORD_ORDER_ID")) {
                    rs.next();
                    orderId = rs.getLong(1);
                }
                c.setAutoCommit(false);
                chain.lock();
                long seqBefore = auditSeq;
                String hashBefore = auditHash;
                try {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ORD_IDEMPOTENCY (ACTOR, IDEM_KEY, BODY_SHA256, ORDER_ID,"
                            + " CREATED_AT) VALUES (?, ?, ?, ?, ?)")) {
                        ps.setString(1, "storefront");
                        ps.setString(2, key);
                        ps.setString(3, HashChain.link(HashChain.GENESIS, key));
                        ps.setLong(4, orderId);
                        ps.setTimestamp(5, now);
                        ps.executeUpdate();
                    }
                    if (stock) {
                        for (String sku : SKUS) {
                            try (PreparedStatement ps = c.prepareStatement("UPDATE CAT_PRODUCT SET STOCK = STOCK - 1, RESERVED = RESERVED + 1"
                                    + " WHERE SKU = ? AND STOCK >= 1")) {
                                ps.setString(1, sku);
                                ps.executeUpdate();
                            }
                            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAT_STOCK_MOVEMENT (SKU, KIND, QUANTITY, CHANGE_QTY,"
                                    + " STOCK_AFTER, ACTOR, REASON, OCCURRED_AT) VALUES (?, 'RESERVATION', 1, -1, 1, 'storefront', ?, ?)")) {
                                ps.setString(1, sku);
                                ps.setString(2, "order:" + orderId);
                                ps.setTimestamp(3, now);
                                ps.executeUpdate();
                            }
                            if (everything) {
                                try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAT_OPEN_RESERVATION (REFERENCE, SKU, QUANTITY,"
                                        + " RESERVED_AT) VALUES (?, ?, 1, ?)")) {
                                    ps.setString(1, "order:" + orderId);
                                    ps.setString(2, sku);
                                    ps.setTimestamp(3, now);
                                    ps.executeUpdate();
                                }
                            }
                        }
                        if (everything) {
                            audit(c, now, "catalog.stock.reservation", "stock:order:" + orderId,
                                    "BENCH-CUP quantity 2, change -2, stock after 99999998; BENCH-POT quantity 1, change -1, stock after"
                                            + " 99999999; BENCH-TEA quantity 1, change -1, stock after 99999999");
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ORD_ORDER (ID, CREATED_AT, CREATED_BY, SOURCE, CUSTOMER_NAME,"
                            + " CUSTOMER_PHONE, ADDRESS, PAYMENT_METHOD, PAYMENT_AMOUNT, PAYMENT_REF, CURRENCY, TOTAL, LINE_COUNT, NOTE)"
                            + " VALUES (?, ?, 'storefront', 'storefront', '王小明', '138 0013 8000', '上海市浦东新区世纪大道 100 号 8 楼', 'alipay',"
                            + " ?, ?, 'CNY', ?, 3, '请工作日送货')")) {
                        ps.setLong(1, orderId);
                        ps.setTimestamp(2, now);
                        ps.setBigDecimal(3, new BigDecimal("1072.00"));
                        ps.setString(4, "TX-" + key);
                        ps.setBigDecimal(5, new BigDecimal("1072.00"));
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ORD_LINE (ORDER_ID, LINE_NO, SKU, TITLE_ZH, TITLE_EN,"
                            + " QUANTITY, UNIT_PRICE, LINE_TOTAL) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (int i = 0; i < SKUS.size(); i++) {
                            ps.setLong(1, orderId);
                            ps.setInt(2, i + 1);
                            ps.setString(3, SKUS.get(i));
                            ps.setString(4, SKUS.get(i) + " 茶具");
                            ps.setString(5, SKUS.get(i) + " tea set");
                            ps.setLong(6, i == 1 ? 2 : 1);
                            ps.setBigDecimal(7, new BigDecimal("268.00"));
                            ps.setBigDecimal(8, new BigDecimal(i == 1 ? "536.00" : "268.00"));
                            ps.executeUpdate();
                        }
                    }
                    long headId;
                    String headHash;
                    try (Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT ID, HASH FROM ORD_RECORD WHERE ID = (SELECT MAX(ID) FROM ORD_RECORD)")) {
                        headId = rs.next() ? rs.getLong(1) : 0;
                        headHash = headId == 0 ? HashChain.GENESIS : rs.getString(2).trim();
                    }
                    String at = now.toInstant().toString();
                    String created = HashChain.link(headHash, Long.toString(headId + 1), Long.toString(orderId), "1", "CREATED", payload,
                            "storefront", at, "", HashChain.GENESIS);
                    String accepted = HashChain.link(created, Long.toString(headId + 2), Long.toString(orderId), "2", "ACCEPTED",
                            "{\"by\":\"intake\"}", "storefront", at, "", created);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ORD_RECORD (ID, ORDER_ID, SEQ, KIND, PAYLOAD, ACTOR,"
                            + " OCCURRED_AT, CORRECTS, PREV_ORDER_HASH, PREV_GLOBAL_HASH, HASH) VALUES (?, ?, ?, ?, ?, 'storefront', ?, NULL, ?, ?, ?)")) {
                        record(ps, headId + 1, orderId, 1, "CREATED", payload, now, HashChain.GENESIS, headHash, created);
                        record(ps, headId + 2, orderId, 2, "ACCEPTED", "{\"by\":\"intake\"}", now, created, created, accepted);
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ORD_STATUS (ORDER_ID, STATE, LAST_SEQ, LAST_RECORD_ID,"
                            + " LAST_AT, ACCEPTED_AT, OVERDUE, PAYMENT_FLAGS, HAS_NOTES) VALUES (?, 'ACCEPTED', 2, ?, ?, ?, FALSE, 0, FALSE)")) {
                        ps.setLong(1, orderId);
                        ps.setLong(2, headId + 2);
                        ps.setTimestamp(3, now);
                        ps.setTimestamp(4, now);
                        ps.executeUpdate();
                    }
                    if (everything) {
                        audit(c, now, "orders.order.created", "order:" + orderId, "source storefront, 3 lines, total CNY 1072.00");
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    auditSeq = seqBefore; // the raw chain goes on from its last committed entry
                    auditHash = hashBefore;
                    throw e;
                } finally {
                    chain.unlock();
                    c.setAutoCommit(true);
                }
            }
        }

        /** One audit entry, chained to the previous raw one (the caller holds the chain lock). */
        private void audit(Connection c, Timestamp now, String action, String subject, String details) throws SQLException {
            long seq = auditSeq - 1;
            String at = now.toInstant().toString();
            String hash = HashChain.link(auditHash, Long.toString(seq), at, "storefront", action, subject, details);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO AUDIT_ENTRY (SEQ, OCCURRED_AT, ACTOR, ACTION, SUBJECT, DETAILS,"
                    + " PREV_HASH, HASH) VALUES (?, ?, 'storefront', ?, ?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setTimestamp(2, now);
                ps.setString(3, action);
                ps.setString(4, subject);
                ps.setString(5, details);
                ps.setString(6, auditHash);
                ps.setString(7, hash);
                ps.executeUpdate();
            }
            auditSeq = seq;
            auditHash = hash;
        }

        private static void record(PreparedStatement ps, long id, long orderId, int seq, String kind, String payload, Timestamp at,
                                   String prevOrder, String prevGlobal, String hash) throws SQLException {
            ps.setLong(1, id);
            ps.setLong(2, orderId);
            ps.setInt(3, seq);
            ps.setString(4, kind);
            ps.setString(5, payload);
            ps.setTimestamp(6, at);
            ps.setString(7, prevOrder);
            ps.setString(8, prevGlobal);
            ps.setString(9, hash);
            ps.executeUpdate();
        }
    }
}
