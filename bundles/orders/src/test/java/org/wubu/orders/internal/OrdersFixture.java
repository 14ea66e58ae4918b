package org.wubu.orders.internal;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.rules.ExternalResource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.wubu.catalog.internal.CatalogForOrders;
import org.wubu.orders.api.Customer;
import org.wubu.orders.api.OrderDraft;
import org.wubu.orders.api.OrderLineDraft;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.Payment;
import org.wubu.persistence.internal.MigrationsForTests;
import org.wubu.persistence.internal.SharedTransactions;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.testsupport.MovableClock;
import org.wubu.testsupport.RecordingAudit;
import org.wubu.testsupport.RecordingEventAdmin;
import org.wubu.testsupport.TestDatabase;
import org.wubu.testsupport.TestPlatform;
import org.wubu.testsupport.TestPostgres;

/**
 * Orders for one test: embedded Derby under target/ (or a fresh database on a real PostgreSQL, see
 * {@link #OrdersFixture(TestPostgres)}) with the orders' migrations and the catalog's, the real
 * catalog store on it, the orders store with the catalog adapter, a movable clock, a recording audit
 * log and a recording EventAdmin.
 */
class OrdersFixture extends ExternalResource {

    static final Caller STOREFRONT = new Caller("storefront", Set.of("storefront"), Set.of(OrderService.CREATE, "catalog.read"));
    static final Caller AGENT = new Caller("agent", Set.of("cs-agent"), Set.of("orders.read", "orders.confirm", "orders.note",
            "orders.return.request"));
    static final Caller DELIVERY = new Caller("delivery", Set.of("delivery"), Set.of("orders.read", "orders.pack", "orders.ship",
            "orders.return.check"));
    static final Caller MANAGER = new Caller("csmanager", Set.of("cs-manager"), Set.of("orders.*", "catalog.read"));

    final AtomicReference<Instant> now = new AtomicReference<>(MovableClock.START);
    final MovableClock clock = new MovableClock(now);
    final RecordingAudit audit = new RecordingAudit();
    final RecordingEventAdmin recorder = new RecordingEventAdmin();
    final List<Event> events = recorder.events;
    /** Derby's database, or null on PostgreSQL. */
    TestDatabase db;
    DataSource dataSource;
    /** The platform's units of work on {@link #dataSource}. */
    SharedTransactions units;
    private final TestPostgres postgres;
    CatalogForOrders catalog;
    OrderStore orders;
    ChainVerifier verifier;

    /** On embedded Derby, the default database. */
    OrdersFixture() {
        this(null);
    }

    /**
     * On a fresh database of this PostgreSQL server, migrated by the platform's own migrator (so with
     * the orders' PostgreSQL variant of V1).
     */
    OrdersFixture(TestPostgres postgres) {
        this.postgres = postgres;
    }

    @Override
    protected void before() throws Exception {
        if (postgres == null) {
            db = TestDatabase.withMigrations("orders");
            dataSource = db.dataSource;
            applyCatalogMigrations();
        } else {
            dataSource = postgres.freshDatabase("orders");
            MigrationsForTests.migrate(dataSource, "org.wubu.orders", Path.of("src/main/resources/db/migration"));
            MigrationsForTests.migrate(dataSource, "org.wubu.catalog", Path.of("../catalog/src/main/resources/db/migration"));
        }
        // As in the platform: the orders and the catalog write through the data source that joins units of work.
        units = new SharedTransactions(dataSource);
        catalog = new CatalogForOrders(units, clock, audit, units);
        orders = new OrderStore(units, units, new SchemaReady() { }, clock, audit, TestPlatform.PRODUCTION, config(100));
        orders.catalog = new CatalogServiceOrderCatalog(catalog.catalog, catalog.lookup, catalog.reservations);
        orders.eventAdmin = recorder;
        verifier = new ChainVerifier(dataSource, new SchemaReady() { }, audit);
    }

    @Override
    protected void after() {
        orders.deactivate();
        catalog.close();
        if (db != null) {
            db.shutdown();
        }
    }

    /** The catalog's own scripts, applied like TestDatabase applies the orders' (the modules sit side by side). */
    private void applyCatalogMigrations() throws Exception {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(Path.of("../catalog/src/main/resources/db/migration"))) {
            scripts = s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().collect(Collectors.toList());
        }
        for (Path file : scripts) {
            String script = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            try (Connection c = db.dataSource.getConnection(); Statement st = c.createStatement()) {
                for (String sql : script.split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
            }
        }
    }

    static OrdersConfig config(int maxLines) {
        return new OrdersConfig() {
            @Override
            public int maxLines() {
                return maxLines;
            }

            @Override
            public int demoOrders() {
                return 0;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return OrdersConfig.class;
            }
        };
    }

    /** An order of the given SKUs at the given prices, one unit each unless the price is "sku=qty@price". */
    static OrderDraft order(String... lines) {
        List<OrderLineDraft> ls = Stream.of(lines).map(l -> {
            String[] skuQty = l.split("@")[0].split("=");
            long qty = skuQty.length > 1 ? Long.parseLong(skuQty[1]) : 1;
            return new OrderLineDraft(skuQty[0], qty, Money.cny(l.split("@")[1]));
        }).collect(Collectors.toList());
        Money total = ls.stream().map(l -> l.unitPrice().times(l.quantity())).reduce(Money::plus).orElseThrow();
        return new OrderDraft(new Customer("王小明", "138 0013 8000"), "上海市浦东新区世纪大道 100 号", ls,
                new Payment("alipay", total, "TX-" + String.join("-", lines).hashCode()), "请工作日送货", "storefront");
    }

    long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    int execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    long stock(String sku) {
        return catalog.catalog.find(Caller.SYSTEM, sku).orElseThrow().stock();
    }

    List<String> topics() {
        return recorder.topics();
    }

    static Map<String, Object> text(String t) {
        return Map.of("text", t);
    }
}
