package org.wubu.orders.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.wubu.orders.internal.OrdersFixture.AGENT;
import static org.wubu.orders.internal.OrdersFixture.STOREFRONT;
import static org.wubu.orders.internal.OrdersFixture.order;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.orders.api.ChainReport;
import org.wubu.orders.api.Intake;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderState;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;
import org.wubu.persistence.internal.MigrationsForTests;
import org.wubu.persistence.internal.SharedTransactions;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.testsupport.TestPlatform;
import org.wubu.testsupport.TestPostgres;

/**
 * The orders on a real PostgreSQL (README "Switching to PostgreSQL"): migrated by the platform's
 * migrator with the PostgreSQL variant of V1, intake, records and the chain verifier work there, and
 * ORD-5 holds: UPDATE, DELETE and TRUNCATE of every order table are refused with the same
 * ORD_5_ORDERS_ARE_IMMUTABLE as on Derby, even for the owner, while the derived ORD_STATUS stays
 * updatable; the least-privilege role of the README cannot change order tables even without triggers.
 */
public class OrdersOnPostgresqlTest {

    @ClassRule
    public static final TestPostgres POSTGRES = new TestPostgres();

    @Rule
    public final OrdersFixture f = new OrdersFixture(POSTGRES);

    /** PostgreSQL's SQLSTATE check_violation, which the ORD-5 trigger function raises. */
    private static final String CHECK_VIOLATION = "23514";
    /** PostgreSQL's SQLSTATE insufficient_privilege. */
    private static final String NO_PRIVILEGE = "42501";

    /**
     * The least-privilege statements of README "Switching to PostgreSQL", as written there but for the
     * names: the owner is wubu there, postgres here; the database is wubu there, {@code DB} here.
     */
    private static final String[] LEAST_PRIVILEGE = {
        "CREATE ROLE wubu_app LOGIN PASSWORD 'another-password'",
        "GRANT CONNECT ON DATABASE DB TO wubu_app",
        "GRANT USAGE ON SCHEMA public TO wubu_app",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO wubu_app",
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO wubu_app",
        "REVOKE UPDATE, DELETE, TRUNCATE ON ORD_ORDER, ORD_LINE, ORD_RECORD, ORD_IDEMPOTENCY FROM wubu_app",
        "ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO wubu_app",
        "ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO wubu_app",
    };

    private long id;
    private OrderRecord created;

    @Before
    public void twoOrders() {
        f.catalog.listed("TEA-1", "268.00", 100);
        f.orders.place(STOREFRONT, "k-0", order("TEA-1@268.00"));
        id = f.orders.place(STOREFRONT, "k-1", order("TEA-1=2@268.00")).order().id();
        f.orders.append(AGENT, id, RecordDraft.of(RecordKind.CONFIRMED, Map.of("channel", "phone")));
        created = f.orders.records(AGENT, id).get(0);
    }

    @Test
    public void theMigratorRanThePostgresqlVariantWhoseTablesAreDerbysStatementForStatement() throws Exception {
        assertEquals(1, f.count("SELECT COUNT(*) FROM WUBU_SCHEMA_HISTORY WHERE BUNDLE = 'org.wubu.orders' AND VERSION = '1'"
                + " AND SCRIPT = 'postgresql/V1__orders.sql'"));
        assertEquals(1, f.count("SELECT COUNT(*) FROM WUBU_SCHEMA_HISTORY WHERE BUNDLE = 'org.wubu.orders' AND VERSION = '2'"
                + " AND SCRIPT = 'V2__orders_workflow.sql'"));
        // Both scripts hold the same tables, indexes and sequence; they differ only in how ORD-5 is enforced.
        List<String> derby = MigrationsForTests.statements(Path.of("src/main/resources/db/migration/V1__orders.sql"));
        List<String> postgresql = MigrationsForTests.statements(Path.of("src/main/resources/db/migration/postgresql/V1__orders.sql"));
        assertEquals(tablesOnly(derby), tablesOnly(postgresql));
        assertEquals("the function and two triggers per order table", 9, postgresql.size() - tablesOnly(postgresql).size());
    }

    @Test
    public void intakeRecordsAndTheVerifierWorkOnPostgresql() throws Exception {
        Intake again = f.orders.place(STOREFRONT, "k-1", order("TEA-1=2@268.00"));
        assertTrue(again.replay());
        assertEquals(id, again.order().id());
        Order o = f.orders.find(AGENT, id).orElseThrow();
        assertEquals(OrderState.CONFIRMED, o.status().state());
        assertEquals("536.00 CNY", o.total().toString());
        assertEquals("上海市浦东新区世纪大道 100 号", o.address());
        assertEquals("3 units reserved, once per order", 97, f.stock("TEA-1"));
        List<OrderRecord> records = f.orders.records(AGENT, id);
        assertEquals(List.of(RecordKind.CREATED, RecordKind.ACCEPTED, RecordKind.CONFIRMED),
                records.stream().map(OrderRecord::kind).toList());
        assertEquals(records.get(1).hash(), records.get(2).previousOrderHash());
        assertEquals(5, f.count("SELECT COUNT(*) FROM ORD_RECORD"));
        assertEquals(2, f.count("SELECT COUNT(*) FROM ORD_IDEMPOTENCY"));
        assertEquals(2, f.count("SELECT COUNT(*) FROM ORD_LINE"));
        ChainReport r = f.verifier.verify(Caller.SYSTEM);
        assertTrue(r.summary(), r.intact());
    }

    @Test
    public void theDatabaseRefusesEveryUpdateDeleteAndTruncateOfOrderDataEvenForTheOwner() throws Exception {
        for (String sql : new String[] {
            "UPDATE ORD_ORDER SET ADDRESS = 'elsewhere' WHERE ID = " + id,
            "DELETE FROM ORD_ORDER WHERE ID = -1",
            "UPDATE ORD_ORDER SET NOTE = NULL WHERE 1 = 0",
            "TRUNCATE ORD_ORDER CASCADE",
            "UPDATE ORD_LINE SET QUANTITY = 1 WHERE ORDER_ID = " + id,
            "DELETE FROM ORD_LINE WHERE ORDER_ID = " + id,
            "TRUNCATE ORD_LINE",
            "UPDATE ORD_RECORD SET ACTOR = 'someone' WHERE ID = " + created.id(),
            "DELETE FROM ORD_RECORD WHERE ORDER_ID = " + id,
            "TRUNCATE ORD_RECORD",
            "UPDATE ORD_IDEMPOTENCY SET ORDER_ID = 1",
            "DELETE FROM ORD_IDEMPOTENCY",
            "TRUNCATE ORD_IDEMPOTENCY",
        }) {
            SQLException refused = assertThrows(sql, SQLException.class, () -> f.execute(sql));
            assertEquals(sql + ": " + refused.getMessage(), CHECK_VIOLATION, refused.getSQLState());
            assertTrue(sql + ": " + refused.getMessage(), refused.getMessage().contains("ORD_5_ORDERS_ARE_IMMUTABLE: "));
            assertTrue(sql + ": " + refused.getMessage(), refused.getMessage().contains("(ORD-5)"));
        }
        SQLException one = assertThrows(SQLException.class, () -> f.execute("DELETE FROM ORD_LINE"));
        assertTrue(one.getMessage(), one.getMessage().contains("ORD_5_ORDERS_ARE_IMMUTABLE: DELETE on ORD_LINE refused"));
        assertEquals(1, f.count("SELECT COUNT(*) FROM ORD_ORDER WHERE ID = " + id + " AND ADDRESS = '上海市浦东新区世纪大道 100 号'"));
        assertEquals(5, f.count("SELECT COUNT(*) FROM ORD_RECORD"));
        assertEquals(2, f.count("SELECT COUNT(*) FROM ORD_IDEMPOTENCY"));
        assertEquals(2, f.count("SELECT COUNT(*) FROM ORD_LINE"));
        // The derived projection is not order data: the store updates it with every record.
        assertEquals(1, f.execute("UPDATE ORD_STATUS SET HAS_NOTES = HAS_NOTES WHERE ORDER_ID = " + id));
        assertTrue(f.verifier.verify(Caller.SYSTEM).intact());
    }

    @Test
    public void aHeaderChangedByTheOwnerWhoDroppedTheTriggerIsReported() throws Exception {
        f.execute("DROP TRIGGER ORD_ORDER_NO_UPDATE ON ORD_ORDER");
        assertEquals(1, f.execute("UPDATE ORD_ORDER SET ADDRESS = '北京市' WHERE ID = " + id));
        ChainReport r = f.verifier.verify(Caller.SYSTEM);
        assertFalse(r.intact());
        assertEquals(Long.valueOf(id), r.orderId());
        assertTrue(r.summary(), r.problem().contains("address: '上海市浦东新区世纪大道 100 号' in the record, '北京市' in the table"));
    }

    @Test
    public void theLeastPrivilegeRoleWritesOrdersButCannotChangeThemEvenWithoutTriggers() throws Exception {
        String database;
        try (Connection c = f.dataSource.getConnection()) {
            database = c.getCatalog();
        }
        for (String sql : LEAST_PRIVILEGE) {
            f.execute(sql.replace(" DB ", " " + database + " "));
        }
        for (String table : new String[] {"ORD_ORDER", "ORD_LINE", "ORD_RECORD", "ORD_IDEMPOTENCY"}) {
            f.execute("DROP TRIGGER " + table + "_NO_UPDATE ON " + table);
            f.execute("DROP TRIGGER " + table + "_NO_DELETE ON " + table);
        }
        DataSource app = POSTGRES.as("wubu_app", f.dataSource);
        for (String sql : new String[] {
            "UPDATE ORD_ORDER SET ADDRESS = 'elsewhere' WHERE ID = " + id,
            "DELETE FROM ORD_LINE WHERE ORDER_ID = " + id,
            "UPDATE ORD_RECORD SET ACTOR = 'someone' WHERE ID = " + created.id(),
            "DELETE FROM ORD_IDEMPOTENCY",
            "TRUNCATE ORD_RECORD",
        }) {
            SQLException refused = assertThrows(sql, SQLException.class, () -> execute(app, sql));
            assertEquals(sql + ": " + refused.getMessage(), NO_PRIVILEGE, refused.getSQLState());
        }
        // The same role places orders and appends records (sequence, inserts, the ORD_STATUS update).
        SharedTransactions appUnits = new SharedTransactions(app);
        OrderStore asApp = new OrderStore(appUnits, appUnits, new SchemaReady() { }, f.clock, f.audit, TestPlatform.PRODUCTION, OrdersFixture.config(100));
        asApp.catalog = f.orders.catalog;
        try {
            long placed = asApp.place(STOREFRONT, "k-app", order("TEA-1@268.00")).order().id();
            asApp.append(AGENT, placed, RecordDraft.of(RecordKind.CONFIRMED, Map.of("channel", "phone")));
            assertEquals(OrderState.CONFIRMED, asApp.find(AGENT, placed).orElseThrow().status().state());
        } finally {
            asApp.deactivate();
        }
        assertTrue(f.verifier.verify(Caller.SYSTEM).intact());
        // A table a later upgrade adds (created by the owner) is writable by the role without new grants.
        f.execute("CREATE TABLE LATER_TABLE (ID BIGINT GENERATED BY DEFAULT AS IDENTITY, NAME VARCHAR(10))");
        assertEquals(1, execute(app, "INSERT INTO LATER_TABLE (NAME) VALUES ('x')"));
        assertEquals(1, execute(app, "UPDATE LATER_TABLE SET NAME = 'y'"));
    }

    /** The statements of a V1 without those that enforce ORD-5 (triggers, Derby's refusal table, the function). */
    private static List<String> tablesOnly(List<String> statements) {
        return statements.stream().filter(s -> !s.contains("ORD_5_") && !s.startsWith("CREATE TRIGGER")).toList();
    }

    private static int execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }
}
