package org.wubu.orders.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.wubu.orders.internal.OrdersFixture.STOREFRONT;
import static org.wubu.orders.internal.OrdersFixture.order;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.orders.api.Intake;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderEvents;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.OrderState;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.chain.HashChain;

/** Intake: the order, its first records and chain, stock reserved, idempotency, and nothing left behind on refusal. */
public class OrderIntakeTest {

    @Rule
    public final OrdersFixture f = new OrdersFixture();

    @Test
    public void placesTheOrderWithItsFirstRecordsChainedAndReservesTheStock() throws Exception {
        f.catalog.listed("TEA-1", "268.00", 10);
        f.catalog.listed("CUP-1", "59.00", 5);
        Intake in = f.orders.place(STOREFRONT, "key-1", order("TEA-1=2@268.00", "CUP-1@59.00"));
        Order o = in.order();
        assertFalse(in.replay());
        assertEquals(OrderState.ACCEPTED, o.status().state());
        assertEquals("595.00 CNY", o.total().toString());
        assertEquals(2, o.lines().size());
        assertEquals("TEA-1 中文", o.lines().get(0).titleZh());
        assertEquals("storefront", o.createdBy());
        assertEquals("请工作日送货", o.status().notes().get(0).text());
        assertEquals(8, f.stock("TEA-1"));
        assertEquals(4, f.stock("CUP-1"));

        List<OrderRecord> records = f.orders.records(OrdersFixture.AGENT, o.id());
        assertEquals(2, records.size());
        OrderRecord created = records.get(0);
        OrderRecord accepted = records.get(1);
        assertEquals(RecordKind.CREATED, created.kind());
        assertEquals(1, created.id());
        assertEquals(HashChain.GENESIS, created.previousOrderHash());
        assertEquals(HashChain.GENESIS, created.previousGlobalHash());
        assertTrue(created.payload(), created.payload().contains("\"address\":\"上海市浦东新区世纪大道 100 号\""));
        assertTrue("canonical: keys sorted", created.payload().startsWith("{\"address\""));
        assertEquals(RecordKind.ACCEPTED, accepted.kind());
        assertEquals(created.hash(), accepted.previousOrderHash());
        assertEquals(created.hash(), accepted.previousGlobalHash());
        assertEquals(RecordChain.hash(accepted), accepted.hash());

        assertEquals(List.of(OrderEvents.topic(RecordKind.CREATED), OrderEvents.topic(RecordKind.ACCEPTED)), f.topics());
        assertEquals("order:" + o.id(), f.events.get(1).getProperty("subject"));
        assertEquals("ACCEPTED", f.events.get(1).getProperty(OrderEvents.STATE));
        assertTrue(f.audit.recorded.toString(), f.audit.recorded.contains("orders.order.created order:" + o.id()));
        assertEquals("stock movements name the order", 1, f.count("SELECT COUNT(*) FROM CAT_STOCK_MOVEMENT WHERE REASON = 'order:"
                + o.id() + "' AND SKU = 'TEA-1'"));
        assertTrue(f.verifier.verify(Caller.SYSTEM).summary(), f.verifier.verify(Caller.SYSTEM).intact());
    }

    @Test
    public void aFailureAfterTheReservationLeavesNothingBehind() throws Exception {
        f.catalog.listed("TEA-1", "268.00", 10);
        f.catalog.listed("CUP-1", "59.00", 5);
        // The order's last insert fails after the catalog reserved the stock (in the same unit of work).
        f.execute("CREATE TABLE FAIL_NEXT (X INT CHECK (X > 0))");
        f.execute("CREATE TRIGGER FAIL_STATUS AFTER INSERT ON ORD_STATUS FOR EACH ROW INSERT INTO FAIL_NEXT VALUES (0)");
        RuntimeException failed = assertThrows(RuntimeException.class,
                () -> f.orders.place(STOREFRONT, "key-1", order("TEA-1=2@268.00", "CUP-1@59.00")));
        assertTrue(failed.getMessage(), failed.getMessage().contains("could not be stored"));
        assertEquals("the reservation went with the order", 10, f.stock("TEA-1"));
        assertEquals(5, f.stock("CUP-1"));
        assertEquals(0, f.count("SELECT COUNT(*) FROM CAT_STOCK_MOVEMENT WHERE KIND = 'RESERVATION'"));
        assertEquals(0, f.count("SELECT COUNT(*) FROM CAT_OPEN_RESERVATION"));
        assertEquals(0, f.count("SELECT COUNT(*) FROM CAT_PRODUCT WHERE RESERVED <> 0"));
        assertEquals(0, f.count("SELECT COUNT(*) FROM ORD_ORDER"));
        assertEquals(0, f.count("SELECT COUNT(*) FROM ORD_RECORD"));
        assertEquals("the key is free again", 0, f.count("SELECT COUNT(*) FROM ORD_IDEMPOTENCY"));
        assertEquals("no order event for what did not happen", List.of(), f.topics());

        f.execute("DROP TRIGGER FAIL_STATUS");
        Intake retried = f.orders.place(STOREFRONT, "key-1", order("TEA-1=2@268.00", "CUP-1@59.00"));
        assertFalse(retried.replay());
        assertEquals(8, f.stock("TEA-1"));
        assertEquals(4, f.stock("CUP-1"));
        assertEquals("the chain goes on from the committed head", 1,
                f.orders.records(OrdersFixture.AGENT, retried.order().id()).get(0).id());
        assertTrue(f.verifier.verify(Caller.SYSTEM).intact());
    }

    @Test
    public void theSameKeyAndOrderAnswersWithTheFirstOrderAndAnotherOrderIsRefused() throws Exception {
        f.catalog.listed("TEA-1", "268.00", 10);
        Intake first = f.orders.place(STOREFRONT, "key-1", order("TEA-1@268.00"));
        Intake again = f.orders.place(STOREFRONT, "key-1", order("TEA-1@268.00"));
        assertTrue(again.replay());
        assertEquals(first.order().id(), again.order().id());
        assertEquals("reserved once", 9, f.stock("TEA-1"));
        WubuException other = assertThrows(WubuException.class,
                () -> f.orders.place(STOREFRONT, "key-1", order("TEA-1=2@268.00")));
        assertEquals(OrderService.IDEMPOTENCY_MISMATCH, other.code());
        assertTrue(other.getMessage(), other.getMessage().contains("'key-1'"));
        assertEquals("key-1", other.details().get("key"));
        assertEquals(1, f.count("SELECT COUNT(*) FROM ORD_ORDER"));
    }

    @Test
    public void threeConcurrentRequestsWithOneKeyCreateExactlyOneOrder() throws Exception {
        f.catalog.listed("TEA-1", "268.00", 1);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Intake>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return f.orders.place(STOREFRONT, "same-key", order("TEA-1@268.00"));
                }));
            }
            go.countDown();
            Set<Long> ids = new HashSet<>();
            int replays = 0;
            for (Future<Intake> a : answers) {
                Intake in = a.get(60, TimeUnit.SECONDS);
                ids.add(in.order().id());
                replays += in.replay() ? 1 : 0;
            }
            assertEquals("one order for all three", 1, ids.size());
            assertEquals(2, replays);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, f.count("SELECT COUNT(*) FROM ORD_ORDER"));
        assertEquals(0, f.stock("TEA-1"));
        assertEquals("the only unit, reserved once", 1, f.count("SELECT COUNT(*) FROM CAT_STOCK_MOVEMENT WHERE KIND = 'RESERVATION'"));
        assertEquals("no reservation was released: none was taken twice", 0,
                f.count("SELECT COUNT(*) FROM CAT_STOCK_MOVEMENT WHERE KIND = 'RELEASE'"));
    }

    @Test
    public void eightClientsOrderingTheLastUnitsNeverOversell() throws Exception {
        f.catalog.listed("LAST-1", "99.00", 5);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int placed = 0;
        int refused = 0;
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String key = "client-" + i;
                Callable<String> client = () -> {
                    go.await();
                    try {
                        f.orders.place(STOREFRONT, key, order("LAST-1@99.00"));
                        return "placed";
                    } catch (WubuException e) {
                        return e.code();
                    }
                };
                answers.add(pool.submit(client));
            }
            go.countDown();
            for (Future<String> a : answers) {
                String outcome = a.get(60, TimeUnit.SECONDS);
                if (outcome.equals("placed")) {
                    placed++;
                } else {
                    // Out of stock; or, once the last unit went, delisted by the catalog (CAT-3) and so not on sale.
                    assertTrue(outcome, outcome.equals(OrderService.INSUFFICIENT_STOCK) || outcome.equals(OrderService.LINE_REFUSED));
                    refused++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, placed);
        assertEquals(3, refused);
        assertEquals(0, f.stock("LAST-1"));
        assertEquals(5, f.count("SELECT COUNT(*) FROM ORD_ORDER"));
        assertEquals("the refused left no key behind", 5, f.count("SELECT COUNT(*) FROM ORD_IDEMPOTENCY"));
        assertTrue(f.verifier.verify(Caller.SYSTEM).intact());
    }

    @Test
    public void aRefusedLineNamesTheLineAndLeavesNothing() throws Exception {
        f.catalog.listed("TEA-1", "268.00", 10);
        f.catalog.draft("NEW-1", "10.00");
        WubuException e = assertThrows(WubuException.class,
                () -> f.orders.place(STOREFRONT, "k", order("TEA-1@250.00", "NEW-1@10.00", "NOPE-1@1.00")));
        assertEquals(OrderService.LINE_REFUSED, e.code());
        assertTrue(e.details().toString(), e.details().get("lines[0].unitPrice").toString().contains("costs 268.00 CNY now"));
        assertTrue(e.details().toString(), e.details().get("lines[1].sku").toString().contains("not listed"));
        assertTrue(e.details().toString(), e.details().get("lines[2].sku").toString().contains("not in the catalog"));
        assertEquals(0, f.count("SELECT COUNT(*) FROM ORD_ORDER"));
        assertEquals(0, f.count("SELECT COUNT(*) FROM ORD_IDEMPOTENCY"));
        assertEquals(10, f.stock("TEA-1"));
    }

    @Test
    public void whenALineLacksStockTheLinesReservedBeforeAreReleased() throws Exception {
        f.catalog.listed("TEA-1", "268.00", 10);
        f.catalog.listed("CUP-1", "59.00", 1);
        WubuException e = assertThrows(WubuException.class,
                () -> f.orders.place(STOREFRONT, "k", order("TEA-1=3@268.00", "CUP-1=2@59.00")));
        assertEquals(OrderService.INSUFFICIENT_STOCK, e.code());
        assertEquals(2, e.details().get("line"));
        assertEquals("CUP-1", e.details().get("sku"));
        assertEquals(10, f.stock("TEA-1"));
        assertEquals(1, f.stock("CUP-1"));
        assertEquals(0, f.count("SELECT COUNT(*) FROM ORD_ORDER"));
        assertEquals(0, f.count("SELECT COUNT(*) FROM ORD_RECORD"));
        assertEquals(0, f.count("SELECT COUNT(*) FROM ORD_IDEMPOTENCY"));
        // The key is free again: the same order with enough stock goes through.
        f.catalog.catalog.recordMovement(Caller.SYSTEM, "CUP-1", org.wubu.catalog.api.StockMovementKind.RECEIPT, 5, "delivery");
        assertFalse(f.orders.place(STOREFRONT, "k", order("TEA-1=3@268.00", "CUP-1=2@59.00")).replay());
    }

    @Test
    public void badInputNamesEveryFieldAndNeedsAKeyAndThePermission() {
        ValidationException noKey = assertThrows(ValidationException.class, () -> f.orders.place(STOREFRONT, " ", order("A-1@1.00")));
        assertEquals("missing", noKey.details().get("Idempotency-Key"));
        ValidationException bad = assertThrows(ValidationException.class, () -> f.orders.place(STOREFRONT, "k",
                new org.wubu.orders.api.OrderDraft(new org.wubu.orders.api.Customer("", "abc"), null,
                        List.of(new org.wubu.orders.api.OrderLineDraft("A-1", 0, null)), null, null, null)));
        assertEquals("missing", bad.details().get("customer.name"));
        assertTrue(bad.details().containsKey("customer.phone"));
        assertEquals("missing", bad.details().get("address"));
        assertTrue(bad.details().containsKey("lines[0].quantity"));
        assertEquals("missing", bad.details().get("lines[0].unitPrice"));
        assertTrue(bad.details().containsKey("payment"));
        assertThrows(PermissionDeniedException.class, () -> f.orders.place(OrdersFixture.AGENT, "k", order("A-1@1.00")));
    }
}
