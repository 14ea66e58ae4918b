package org.wubu.catalog.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.wubu.approvals.api.ApprovalDecision;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.approvals.api.ApprovalKind;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.approvals.api.ApprovalState;
import org.wubu.approvals.api.Decision;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditEntry;
import org.wubu.platform.api.audit.AuditPage;
import org.wubu.platform.api.audit.AuditQuery;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.chain.ChainHead;
import org.wubu.platform.api.chain.ChainVerification;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * The real catalog outside OSGi, wired like the bundle's CatalogFixture: a fresh embedded Derby under
 * benchmarks/catalog/target with the bundle's migrations (db/migration/*.sql read from the catalog jar)
 * applied in order, EclipseLink with the persistence unit wubu-catalog, a fixed clock, an audit log that
 * only counts, and a one-step approval engine.
 */
final class BenchCatalog implements AutoCloseable {

    static final Caller READER = new Caller("reader", Set.of("content-specialist"), Set.of("catalog.read"));
    static final Caller ORDERS = new Caller("orders", Set.of(), Set.of("catalog.read", "catalog.stock.reserve"));

    final AtomicLong audited = new AtomicLong();
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T02:00:00Z"));
    final FakeApprovals approvals = new FakeApprovals();
    final Path folder;
    final EmbeddedDataSource ds;
    final EntityManagerFactory emf;
    final CatalogStore catalog;

    BenchCatalog(String name) throws Exception {
        Path target = Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath();
        Files.createDirectories(target);
        System.setProperty("derby.stream.error.file", target.resolve("derby.log").toString());
        folder = Files.createTempDirectory(target, name + "-");
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(folder.resolve("db").toString());
        ds.setCreateDatabase("create");
        migrate();
        emf = Persistence.createEntityManagerFactory("wubu-catalog", Map.of("javax.persistence.nonJtaDataSource", ds));
        catalog = new CatalogStore(emf, new SchemaReady() { }, clock(), audit(), approvals, platform());
        PriceChangeHandler handler = new PriceChangeHandler(catalog);
        approvals.handler = handler;
        approvals.handlers.put(ListingHandler.KIND.id(), new ListingHandler(catalog));
        approvals.handlers.put(DelistingHandler.KIND.id(), new DelistingHandler(catalog));
    }

    /** The bundle's migrations, from the catalog jar on the class path, in name order. */
    private void migrate() throws Exception {
        URL any = CatalogStore.class.getClassLoader().getResource("db/migration/V1__catalog.sql");
        if (any == null) {
            throw new IllegalStateException("db/migration/V1__catalog.sql not on the class path (org.wubu:catalog jar missing?)");
        }
        URI dir = URI.create(any.toString().substring(0, any.toString().lastIndexOf('/')));
        List<String> names;
        if ("jar".equals(dir.getScheme())) {
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(dir, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(dir);
            }
            try (Stream<Path> s = Files.list(fs.getPath("db/migration"))) {
                names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().collect(Collectors.toList());
            }
        } else {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().collect(Collectors.toList());
            }
        }
        for (String n : names) {
            String script;
            try (InputStream in = CatalogStore.class.getClassLoader().getResourceAsStream("db/migration/" + n)) {
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String sql : script.split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
        }
        System.out.println("migrations applied: " + names + " (database " + folder.resolve("db") + ")");
    }

    static final String INSERT = "INSERT INTO CAT_PRODUCT (SKU, TITLE_ZH, TITLE_EN, SEARCH_TEXT, DESCRIPTION_ZH, DESCRIPTION_EN,"
            + " CATEGORY, STATUS, DELIST_REASON, PRICE, CURRENCY, STOCK, RESERVED, CREATED_AT, UPDATED_BY, UPDATED_AT, VERSION)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One product row, matching V1__catalog.sql's CAT_PRODUCT. */
    record Row(String sku, String titleZh, String titleEn, String category, String status, BigDecimal price, long stock) {
    }

    /** Inserts the rows in one transaction with one JDBC batch. */
    void insert(List<Row> rows) throws SQLException {
        Timestamp ts = Timestamp.from(now.get());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Row r : rows) {
                    ps.setString(1, r.sku());
                    ps.setString(2, r.titleZh());
                    ps.setString(3, r.titleEn());
                    ps.setString(4, (r.sku() + " " + r.titleZh() + " " + r.titleEn()).toLowerCase(Locale.ROOT));
                    ps.setString(5, r.titleZh() + "。品质可靠，适合日常使用。");
                    ps.setString(6, r.titleEn() + ". Reliable quality for everyday use.");
                    ps.setString(7, r.category());
                    ps.setString(8, r.status());
                    ps.setString(9, "DELISTED".equals(r.status()) ? "normal" : null);
                    ps.setBigDecimal(10, r.price());
                    ps.setString(11, "CNY");
                    ps.setLong(12, r.stock());
                    ps.setLong(13, 0);
                    ps.setTimestamp(14, ts);
                    ps.setString(15, "bench");
                    ps.setTimestamp(16, ts);
                    ps.setLong(17, 1);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /** Refreshes Derby's index statistics of the catalog tables (as the statistics daemon would, eventually). */
    void updateStatistics() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'CAT_PRODUCT', NULL)");
        }
    }

    @Override
    public void close() {
        catalog.deactivate();
        emf.close();
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection();
        } catch (SQLException expected) {
            // shut down
        }
    }

    ShopClock clock() {
        return new ShopClock() {
            @Override
            public Instant now() {
                return now.get();
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of("Asia/Shanghai");
            }
        };
    }

    AuditService audit() {
        return new AuditService() {
            @Override
            public AuditEntry record(Caller actor, String action, String subject, String details) {
                audited.incrementAndGet();
                return null;
            }

            @Override
            public AuditPage list(Caller caller, AuditQuery query) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ChainVerification verify(Caller caller) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<ChainHead> head() {
                return Optional.empty();
            }

            @Override
            public long count() {
                return audited.get();
            }
        };
    }

    static PlatformInfo platform() {
        return new PlatformInfo() {
            @Override
            public Mode mode() {
                return Mode.PRODUCTION;
            }

            @Override
            public String shopName() {
                return "五步商城";
            }

            @Override
            public Currency currency() {
                return Currency.getInstance("CNY");
            }

            @Override
            public String version() {
                return "benchmark";
            }
        };
    }

    /** A one-step approval engine with the rules the catalog relies on (copied from CatalogFixture). */
    final class FakeApprovals implements ApprovalService {

        PriceChangeHandler handler;
        final Map<String, ApprovalHandler> handlers = new HashMap<>();
        final Map<Long, ApprovalRequest> requests = Collections.synchronizedMap(new HashMap<>());
        private final AtomicLong ids = new AtomicLong(100);

        @Override
        public synchronized ApprovalRequest submit(Caller requester, String kind, String subject, String payload, String summary) {
            ApprovalHandler h = handler(kind);
            ApprovalKind k = h.kind();
            h.validate(requester, payload);
            ApprovalRequest r = new ApprovalRequest(ids.incrementAndGet(), kind, subject, payload, summary, requester.username(),
                    now.get(), ApprovalState.PENDING, k.chain(), 0, false, List.of(), null, null, null, null);
            requests.put(r.id(), r);
            return r;
        }

        @Override
        public synchronized ApprovalRequest decide(Caller decider, long id, Decision decision, String comment) {
            ApprovalRequest r = requests.get(id);
            if (r.requester().equals(decider.username())) {
                throw new WubuException(OWN_REQUEST, "you cannot decide your own request");
            }
            if (r.state() != ApprovalState.PENDING) {
                throw new WubuException(NOT_PENDING, "not pending");
            }
            if (!r.chain().get(0).heldBy(decider) || !decider.hasPermission(DECIDE)) {
                throw new WubuException(NOT_YOUR_STEP, "not your step");
            }
            List<ApprovalDecision> d = List.of(new ApprovalDecision(0, decider.username(), now.get(), decision, comment));
            ApprovalRequest decided = new ApprovalRequest(r.id(), r.kind(), r.subject(), r.payload(), r.summary(), r.requester(),
                    r.createdAt(), decision == Decision.APPROVE ? ApprovalState.APPROVED : ApprovalState.REJECTED, r.chain(), 1,
                    false, d, now.get(), null, null, null);
            if (decision == Decision.APPROVE) {
                try {
                    handler(r.kind()).apply(decided);
                } catch (Exception e) {
                    throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
                }
                decided = new ApprovalRequest(r.id(), r.kind(), r.subject(), r.payload(), r.summary(), r.requester(),
                        r.createdAt(), ApprovalState.APPLIED, r.chain(), 1, false, d, now.get(), null, now.get(), null);
            } else {
                catalog.markRejected(id);
            }
            requests.put(id, decided);
            return decided;
        }

        @Override
        public ApprovalRequest decide(Caller decider, long id, int step, Decision decision, String comment) {
            return decide(decider, id, decision, comment);
        }

        @Override
        public List<ApprovalRequest> inbox(Caller caller) {
            return new ArrayList<>();
        }

        @Override
        public List<ApprovalRequest> mine(Caller caller, Long before, int limit) {
            return new ArrayList<>();
        }

        @Override
        public ApprovalRequest get(Caller caller, long id) {
            return requests.get(id);
        }

        @Override
        public Optional<String> render(Caller caller, long id, Locale locale) {
            ApprovalRequest r = requests.get(id);
            return Optional.of(handler(r.kind()).render(r, locale));
        }

        @Override
        public List<ApprovalRequest> overdue(Caller caller) {
            return List.of();
        }

        @Override
        public List<ApprovalKind> kinds() {
            return List.of(handler.kind(), handlers.get(ListingHandler.KIND.id()).kind(),
                    handlers.get(DelistingHandler.KIND.id()).kind());
        }

        ApprovalHandler handler(String kind) {
            if (handler.kind().id().equals(kind)) {
                return handler;
            }
            ApprovalHandler h = handlers.get(kind);
            if (h == null) {
                throw new WubuException(MODULE_NOT_RUNNING, "no handler for " + kind);
            }
            return h;
        }
    }

}
