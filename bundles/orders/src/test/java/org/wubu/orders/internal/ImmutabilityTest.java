package org.wubu.orders.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.wubu.orders.internal.OrdersFixture.AGENT;
import static org.wubu.orders.internal.OrdersFixture.STOREFRONT;
import static org.wubu.orders.internal.OrdersFixture.order;

import java.sql.SQLException;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.orders.api.ChainReport;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.PermissionDeniedException;

/**
 * ORD-5 in the database: UPDATE and DELETE on every order table are refused by the triggers; and when
 * the owner drops a trigger and changes a row anyway, the verifier names the order, the record and
 * what differs.
 */
public class ImmutabilityTest {

    @Rule
    public final OrdersFixture f = new OrdersFixture();

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
    public void theDatabaseRefusesEveryUpdateAndDeleteOfOrderData() throws Exception {
        for (String sql : new String[] {
            "UPDATE ORD_ORDER SET ADDRESS = 'elsewhere' WHERE ID = " + id,
            "DELETE FROM ORD_ORDER WHERE ID = -1",
            "UPDATE ORD_ORDER SET NOTE = NULL WHERE 1 = 0",
            "UPDATE ORD_LINE SET QUANTITY = 1 WHERE ORDER_ID = " + id,
            "DELETE FROM ORD_LINE WHERE ORDER_ID = " + id,
            "UPDATE ORD_RECORD SET ACTOR = 'someone' WHERE ID = " + created.id(),
            "DELETE FROM ORD_RECORD WHERE ORDER_ID = " + id,
            "UPDATE ORD_IDEMPOTENCY SET ORDER_ID = 1",
            "DELETE FROM ORD_IDEMPOTENCY",
        }) {
            SQLException refused = assertThrows(sql, SQLException.class, () -> f.execute(sql));
            assertTrue(sql + ": " + refused.getMessage(), refused.getMessage().contains("ORD_5_ORDERS_ARE_IMMUTABLE"));
        }
        // A real order cannot be deleted either (its lines and records refer to it first, then the trigger).
        assertThrows(SQLException.class, () -> f.execute("DELETE FROM ORD_ORDER WHERE ID = " + id));
        assertEquals(1, f.count("SELECT COUNT(*) FROM ORD_ORDER WHERE ID = " + id + " AND ADDRESS = '上海市浦东新区世纪大道 100 号'"));
        assertEquals(5, f.count("SELECT COUNT(*) FROM ORD_RECORD"));
        assertEquals(2, f.count("SELECT COUNT(*) FROM ORD_IDEMPOTENCY"));
        assertTrue(f.verifier.verify(Caller.SYSTEM).intact());
    }

    @Test
    public void aHeaderChangedByTheOwnerIsReported() throws Exception {
        f.execute("DROP TRIGGER ORD_ORDER_NO_UPDATE");
        assertEquals(1, f.execute("UPDATE ORD_ORDER SET ADDRESS = '北京市' WHERE ID = " + id));
        ChainReport r = f.verifier.verify(Caller.SYSTEM);
        assertFalse(r.intact());
        assertEquals(Long.valueOf(id), r.orderId());
        assertEquals(Long.valueOf(created.id()), r.recordId());
        assertTrue(r.summary(), r.problem().contains("address: '上海市浦东新区世纪大道 100 号' in the record, '北京市' in the table"));
        assertTrue(f.audit.recorded.contains("orders.verify orders"));
    }

    @Test
    public void aLineChangedByTheOwnerIsReported() throws Exception {
        f.execute("DROP TRIGGER ORD_LINE_NO_UPDATE");
        f.execute("UPDATE ORD_LINE SET QUANTITY = 1 WHERE ORDER_ID = " + id);
        ChainReport r = f.verifier.verify(Caller.SYSTEM);
        assertFalse(r.intact());
        assertTrue(r.summary(), r.problem().startsWith("the order's header or lines differ from its CREATED record: "));
        assertEquals(Long.valueOf(id), r.orderId());
    }

    @Test
    public void aRecordChangedByTheOwnerIsReportedWithItsOrderAndSequence() throws Exception {
        f.execute("DROP TRIGGER ORD_RECORD_NO_UPDATE");
        OrderRecord confirmed = f.orders.records(AGENT, id).get(2);
        f.execute("UPDATE ORD_RECORD SET ACTOR = 'someone-else' WHERE ID = " + confirmed.id());
        ChainReport r = f.verifier.verify(Caller.SYSTEM);
        assertFalse(r.intact());
        assertEquals(Long.valueOf(confirmed.id()), r.recordId());
        assertEquals(Long.valueOf(id), r.orderId());
        assertEquals(Integer.valueOf(3), r.sequence());
        assertTrue(r.summary(), r.summary().startsWith("broken at record " + confirmed.id() + " (order " + id + ", sequence 3): "
                + "its content does not match its hash"));
    }

    @Test
    public void aRemovedRecordIsReported() throws Exception {
        f.execute("DROP TRIGGER ORD_RECORD_NO_DELETE");
        f.execute("DELETE FROM ORD_RECORD WHERE ID = 2");
        ChainReport r = f.verifier.verify(Caller.SYSTEM);
        assertFalse(r.intact());
        assertEquals(Long.valueOf(3), r.recordId());
        assertTrue(r.summary(), r.problem().contains("expected record 2 next in the global chain, found 3 (records were removed)"));
    }

    @Test
    public void theNewestRecordRemovedIsReportedToo() throws Exception {
        f.execute("DROP TRIGGER ORD_RECORD_NO_DELETE");
        OrderRecord newest = f.orders.records(AGENT, id).get(2);
        f.execute("DELETE FROM ORD_RECORD WHERE ID = " + newest.id());
        ChainReport r = f.verifier.verify(Caller.SYSTEM);
        assertFalse(r.intact());
        assertEquals(Long.valueOf(newest.id()), r.recordId());
        assertTrue(r.summary(), r.problem().contains("is gone; its records end at sequence 2 (records were removed)"));
    }

    @Test
    public void verifyingNeedsThePermission() {
        assertThrows(PermissionDeniedException.class, () -> f.verifier.verify(AGENT));
    }
}
