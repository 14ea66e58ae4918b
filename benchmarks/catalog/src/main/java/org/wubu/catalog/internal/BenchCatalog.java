package org.wubu.catalog.internal;

import java.lang.reflect.Proxy;
import org.wubu.testsupport.MovableClock;
import org.wubu.testsupport.RecordingAudit;
import org.wubu.testsupport.TestPlatform;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.platform.api.Caller;
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

    final AtomicReference<Instant> now = new AtomicReference<>(MovableClock.START);
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
        catalog = new CatalogStore(emf, new SchemaReady() { }, new MovableClock(now), new RecordingAudit(), noApprovals(),
                TestPlatform.PRODUCTION);
        catalog.awaitStartWork();
    }

    /** The catalog on a database an earlier run left under target/ (its folder), migrations not applied again. */
    BenchCatalog(Path existing) throws Exception {
        folder = existing.toAbsolutePath();
        System.setProperty("derby.stream.error.file", folder.resolveSibling("derby.log").toString());
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(folder.resolve("db").toString());
        emf = Persistence.createEntityManagerFactory("wubu-catalog", Map.of("javax.persistence.nonJtaDataSource", ds));
        catalog = new CatalogStore(emf, new SchemaReady() { }, new MovableClock(now), new RecordingAudit(), noApprovals(),
                TestPlatform.PRODUCTION);
        catalog.awaitStartWork();
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

    /** Inserts the rows and their search terms in one transaction with JDBC batches. */
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
            // the search index, as CatalogStore writes it with each product (SearchTerms; each entry carries the
            // product's status, V7)
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAT_PRODUCT_TERM (TERM, SKU, STATUS) VALUES (?, ?, ?)")) {
                for (Row r : rows) {
                    for (String term : SearchTerms.of(r.sku(), r.titleZh(), r.titleEn(), r.category())) {
                        ps.setString(1, term);
                        ps.setString(2, r.sku());
                        ps.setString(3, r.status());
                        ps.addBatch();
                    }
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
            s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'CAT_PRODUCT_TERM', NULL)");
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

    /**
     * The benchmarks submit no approval request; the catalog only needs an approval service to
     * exist, so every call is refused.
     */
    static ApprovalService noApprovals() {
        return (ApprovalService) Proxy.newProxyInstance(ApprovalService.class.getClassLoader(),
                new Class<?>[] {ApprovalService.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException("benchmarks submit no approvals (" + method.getName() + ")");
                });
    }
}
