package org.wubu.orders.seal.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.rules.ExternalResource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.wubu.catalog.internal.CatalogForSeals;
import org.wubu.orders.api.Customer;
import org.wubu.orders.api.OrderDraft;
import org.wubu.orders.api.OrderLineDraft;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.Payment;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.internal.OrderStore;
import org.wubu.orders.internal.OrdersForSeals;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.testsupport.MovableClock;
import org.wubu.testsupport.RecordingAudit;
import org.wubu.testsupport.RecordingEventAdmin;

/**
 * A shop for one seal test: a fresh embedded Derby under target/ with the orders' and the catalog's
 * migrations (the modules sit side by side), the real catalog and orders stores on it, a movable
 * clock in Asia/Shanghai, a recording audit log and EventAdmin, and a seal folder under target/.
 */
class SealFixture extends ExternalResource {

    static final Caller STOREFRONT = new Caller("storefront", Set.of("storefront"), Set.of(OrderService.CREATE, "catalog.read"));
    static final Caller AGENT = new Caller("agent", Set.of("cs-agent"), Set.of("orders.read", "orders.confirm", "orders.note"));
    static final Caller DBA = new Caller("it", Set.of("it-admin"), Set.of("orders.seal", "backup.manage", "backup.read"));
    static final Caller PLANNER = new Caller("planner", Set.of("planner"), Set.of("catalog.read", "orders.read"));

    final AtomicReference<Instant> now = new AtomicReference<>(MovableClock.START);
    final MovableClock clock = new MovableClock(now);
    final RecordingAudit audit = new RecordingAudit();
    final RecordingEventAdmin recorder = new RecordingEventAdmin();
    final List<Event> events = recorder.events;
    Path root;
    Path folder;
    EmbeddedDataSource db;
    CatalogForSeals catalog;
    OrderStore orders;

    @Override
    protected void before() throws Exception {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        Files.createDirectories(Path.of("target"));
        root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "seal-");
        folder = root.resolve("backups/orders");
        db = new EmbeddedDataSource();
        db.setDatabaseName(root.resolve("db").toString());
        db.setCreateDatabase("create");
        migrate("../orders/src/main/resources/db/migration");
        migrate("../catalog/src/main/resources/db/migration");
        catalog = new CatalogForSeals(db, clock, audit);
        catalog.listed("TEA-1", "268.00", 100_000);
        catalog.listed("CUP-2", "39.90", 100_000);
        orders = OrdersForSeals.store(db, clock, audit, catalog.catalog, catalog.lookup, catalog.reservations);
    }

    @Override
    protected void after() {
        orders.deactivate();
        catalog.close();
        db.setShutdownDatabase("shutdown");
        try {
            db.getConnection().close();
        } catch (SQLException expected) {
            // 08006: shut down
        }
    }

    private void migrate(String dir) throws IOException, SQLException {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            // The portable (Derby) scripts only, not the sub-folders of other databases' variants.
            scripts = s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        for (Path file : scripts) {
            String script = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
                for (String sql : script.split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
            }
        }
    }

    /** The seal component as the platform would start it now (nothing scheduled: tests call sealDue). */
    OrderSealComponent seals() {
        return seals("18:00");
    }

    OrderSealComponent seals(String time) {
        OrderSealComponent c = new OrderSealComponent(clock, config(time, folder.toString()), false);
        c.bindOrders(orders);
        c.audit = audit;
        c.eventAdmin = recorder;
        return c;
    }

    /** Sets the clock to a shop time, e.g. {@code 2026-11-27T18:00:10+08:00}. */
    void at(String shopTime) {
        now.set(OffsetDateTime.parse(shopTime).toInstant());
    }

    /** Places an order of one TEA-1 and two CUP-2 (three records' worth of lines, two records: CREATED, ACCEPTED). */
    long place(String key) {
        List<OrderLineDraft> lines = List.of(new OrderLineDraft("TEA-1", 1, Money.cny("268.00")),
                new OrderLineDraft("CUP-2", 2, Money.cny("39.90")));
        OrderDraft draft = new OrderDraft(new Customer("王小明", "138 0013 8000"), "上海市浦东新区世纪大道 100 号", lines,
                new Payment("alipay", Money.cny("347.80"), "TX-" + key), "请工作日送货", "storefront");
        return orders.place(STOREFRONT, key, draft).order().id();
    }

    void note(long orderId, String text) {
        orders.append(AGENT, orderId, RecordDraft.note(text));
    }

    int execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    List<String> topics() {
        return recorder.topics();
    }

    static SealConfig config(String time, String folder) {
        return new SealConfig() {
            @Override
            public String time() {
                return time;
            }

            @Override
            public String zone() {
                return "";
            }

            @Override
            public String folder() {
                return folder;
            }

            @Override
            public int settleSeconds() {
                return 10;
            }

            @Override
            public int catchUpDays() {
                return 31;
            }

            @Override
            public int graceMinutes() {
                return 5;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SealConfig.class;
            }
        };
    }
}
