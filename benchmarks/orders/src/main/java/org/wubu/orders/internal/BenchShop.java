package org.wubu.orders.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.URI;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.catalog.internal.CatalogStore;
import org.wubu.catalog.internal.OfferLookup;
import org.wubu.catalog.internal.StockReservationStore;
import org.wubu.orders.api.OrderService;
import org.wubu.persistence.internal.SharedTransactions;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.audit.AuditEntry;
import org.wubu.platform.api.audit.AuditPage;
import org.wubu.platform.api.audit.AuditQuery;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.chain.ChainHead;
import org.wubu.platform.api.chain.ChainVerification;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.testsupport.MovableClock;
import org.wubu.testsupport.TestPlatform;

/**
 * The real orders store and catalog store outside OSGi, as the bundles' tests wire them: a fresh embedded
 * Derby (default, durable settings) under benchmarks/orders/target with the catalog's and the orders'
 * migrations read from their jars, EclipseLink for the catalog, a fixed shop clock, and the platform's
 * real audit log ({@code org.wubu.audit}'s AuditLog: a hash-chained insert and commit per entry, in the same
 * database), or with {@code -Dbench.audit=count} an audit log that only counts.
 */
final class BenchShop implements AutoCloseable {

    static final Caller STOREFRONT = new Caller("storefront", Set.of("storefront"), Set.of(OrderService.CREATE, "catalog.read"));
    static final Caller READER = new Caller("csmanager", Set.of("cs-manager"), Set.of("orders.read"));

    final AtomicReference<Instant> now = new AtomicReference<>(MovableClock.START);
    final MovableClock clock = new MovableClock(now);
    final AtomicLong audited = new AtomicLong();
    final Path folder;
    final EmbeddedDataSource ds;
    /** The platform's units of work on {@link #ds} (org.wubu.persistence's). */
    SharedTransactions units;
    /** The platform's audit log (true, the default) or a counter ({@code -Dbench.audit=count}). */
    final boolean realAudit = !"count".equals(System.getProperty("bench.audit", "real"));
    private EntityManagerFactory emf;
    private EntityManagerFactory auditEmf;
    private AuditService audit;
    private CatalogStore catalog;
    OrderStore orders;

    BenchShop(String name) throws Exception {
        Path target = Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath();
        Files.createDirectories(target);
        System.setProperty("derby.stream.error.file", target.resolve("derby.log").toString());
        folder = Files.createTempDirectory(target, name + "-");
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(folder.resolve("db").toString());
        ds.setCreateDatabase("create");
        migrate(CatalogStore.class);
        migrate(OrderStore.class);
        if (realAudit) {
            migrate(org.wubu.audit.internal.AuditLog.class);
        }
        System.out.println("database " + folder.resolve("db") + " (Derby defaults: durable commits)");
    }

    /** Starts the catalog (EclipseLink) and the orders store on the database. */
    void start() {
        // As in Karaf: the catalog, the audit log and the orders write through the data source that joins units of work.
        units = new SharedTransactions(ds);
        emf = Persistence.createEntityManagerFactory("wubu-catalog", Map.of("javax.persistence.nonJtaDataSource", units));
        audit = counting();
        if (realAudit) {
            auditEmf = Persistence.createEntityManagerFactory("wubu-audit", Map.of("javax.persistence.nonJtaDataSource", units));
            AuditService log = new org.wubu.audit.internal.AuditLog(auditEmf, new SchemaReady() { }, clock, units);
            AuditService counter = audit;
            audit = (AuditService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditService.class},
                    (p, m, a) -> {
                        if (m.getName().equals("record")) {
                            counter.record((Caller) a[0], (String) a[1], (String) a[2], (String) a[3]);
                        }
                        try {
                            return m.invoke(log, a);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
        ApprovalService noApprovals = (ApprovalService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ApprovalService.class}, (p, m, a) -> {
                    throw new UnsupportedOperationException("intake needs no approvals");
                });
        catalog = new CatalogStore(emf, new SchemaReady() { }, clock, audit, noApprovals, TestPlatform.PRODUCTION);
        org.wubu.catalog.internal.CatalogWiring.units(catalog, units);
        orders = new OrderStore(units, units, new SchemaReady() { }, clock, audit, TestPlatform.PRODUCTION, new OrdersConfig() {
            @Override
            public int maxLines() {
                return 100;
            }

            @Override
            public int demoOrders() {
                return 0;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return OrdersConfig.class;
            }
        });
        orders.catalog = new CatalogServiceOrderCatalog(catalog, new OfferLookup(catalog, clock),
                new StockReservationStore(catalog, clock));
    }

    /** Listed products with plenty of stock, by plain JDBC (as the catalog's demo data would list them). */
    void products(List<String> skus, String price, long stock) throws SQLException {
        Timestamp ts = Timestamp.from(now.get());
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO CAT_PRODUCT (SKU, TITLE_ZH,"
                + " TITLE_EN, SEARCH_TEXT, DESCRIPTION_ZH, DESCRIPTION_EN, CATEGORY, STATUS, DELIST_REASON, PRICE, CURRENCY, STOCK,"
                + " RESERVED, CREATED_AT, UPDATED_BY, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, 'LISTED', NULL, ?, 'CNY', ?, 0, ?,"
                + " 'bench', ?, 1)")) {
            for (String sku : skus) {
                ps.setString(1, sku);
                ps.setString(2, sku + " 茶具");
                ps.setString(3, sku + " tea set");
                ps.setString(4, sku.toLowerCase() + " 茶具 tea set");
                ps.setString(5, "茶具");
                ps.setString(6, "tea set");
                ps.setString(7, "tea");
                ps.setBigDecimal(8, new java.math.BigDecimal(price));
                ps.setLong(9, stock);
                ps.setTimestamp(10, ts);
                ps.setTimestamp(11, ts);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    void updateStatistics(String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)");
        }
    }

    long count(String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The module's migrations, from the jar (or folder) holding the class, in name order. */
    private void migrate(Class<?> owner) throws Exception {
        URI location = owner.getProtectionDomain().getCodeSource().getLocation().toURI();
        List<String> names;
        if (Files.isDirectory(Path.of(location))) {
            try (Stream<Path> s = Files.list(Path.of(location).resolve("db/migration"))) {
                names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
            }
        } else {
            URI jar = URI.create("jar:" + location);
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(jar, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(jar);
            }
            try (Stream<Path> s = Files.list(fs.getPath("db/migration"))) {
                names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
            }
        }
        for (String n : names) {
            String script;
            try (InputStream in = owner.getClassLoader().getResourceAsStream("db/migration/" + n)) {
                if (in == null) {
                    throw new IOException("db/migration/" + n + " not found");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String sql : script.split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
            System.out.println("migration applied: " + owner.getSimpleName() + " " + n);
        }
    }

    private AuditService counting() {
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
            public java.util.Optional<ChainHead> head() {
                return java.util.Optional.empty();
            }

            @Override
            public long count() {
                return audited.get();
            }
        };
    }

    @Override
    public void close() {
        if (orders != null) {
            orders.deactivate();
        }
        if (catalog != null) {
            catalog.deactivate();
        }
        if (emf != null) {
            emf.close();
        }
        if (auditEmf != null) {
            auditEmf.close();
        }
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection().close();
        } catch (SQLException expected) {
            // 08006: shut down
        }
    }
}
