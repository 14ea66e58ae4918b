package org.wubu.orders.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.wubu.orders.internal.OrdersFixture.AGENT;
import static org.wubu.orders.internal.OrdersFixture.DELIVERY;
import static org.wubu.orders.internal.OrdersFixture.MANAGER;
import static org.wubu.orders.internal.OrdersFixture.STOREFRONT;
import static org.wubu.orders.internal.OrdersFixture.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.orders.api.ChainReport;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderLifecycle;
import org.wubu.orders.api.OrderPage;
import org.wubu.orders.api.OrderQuery;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderState;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;

/** Appending records: permissions per kind, the lifecycle's rules, amendments, the derived state, lists and the journal. */
public class OrderRecordsTest {

    @Rule
    public final OrdersFixture f = new OrdersFixture();

    private long id;

    @Before
    public void anOrder() {
        f.catalog.listed("TEA-1", "268.00", 100);
        id = f.orders.place(STOREFRONT, "k-1", order("TEA-1@268.00")).order().id();
    }

    @Test
    public void theOrderGoesThroughItsStatesAndTheRecordsFollowTheRules() {
        WubuException early = assertThrows(WubuException.class,
                () -> f.orders.append(DELIVERY, id, RecordDraft.of(RecordKind.SHIPPED, Map.of("carrier", "SF"))));
        assertEquals(OrderLifecycle.WRONG_STATE, early.code());
        assertThrows(PermissionDeniedException.class,
                () -> f.orders.append(DELIVERY, id, RecordDraft.of(RecordKind.CONFIRMED, Map.of("channel", "phone"))));
        f.orders.append(AGENT, id, RecordDraft.of(RecordKind.CONFIRMED, Map.of("channel", "phone", "result", "confirmed")));
        OrderRecord flag = f.orders.append(MANAGER, id, RecordDraft.of(RecordKind.PAYMENT_FLAGGED,
                Map.of("rule", "amount", "reason", "paid 1.00 less than the total")));
        WubuException blocked = assertThrows(WubuException.class,
                () -> f.orders.append(DELIVERY, id, RecordDraft.of(RecordKind.PACKED, Map.of())));
        assertTrue(blocked.getMessage(), blocked.getMessage().contains("payment is flagged"));
        f.orders.append(MANAGER, id, RecordDraft.of(RecordKind.PAYMENT_FLAG_RESOLVED,
                Map.of("flag", flag.id(), "reason", "customer paid the rest by transfer")));
        f.orders.append(DELIVERY, id, RecordDraft.of(RecordKind.PACKED, Map.of()));
        OrderRecord shipped = f.orders.append(DELIVERY, id, RecordDraft.of(RecordKind.SHIPPED,
                Map.of("carrier", "SF Express", "trackingNumber", "SF1")));
        Order o = f.orders.find(AGENT, id).orElseThrow();
        assertEquals(OrderState.SHIPPED, o.status().state());
        assertEquals(7, o.status().records());
        assertEquals(shipped.id(), o.status().lastRecordId());
        assertEquals("agent", o.status().confirmedBy());
        assertTrue(o.status().openPaymentFlags().isEmpty());
        assertEquals(List.of("CREATED", "ACCEPTED", "CONFIRMED", "PAYMENT_FLAGGED", "PAYMENT_FLAG_RESOLVED", "PACKED", "SHIPPED"),
                f.orders.records(AGENT, id).stream().map(r -> r.kind().name()).toList());
        assertTrue(f.audit.recorded.contains("orders.record.shipped order:" + id));
        assertTrue(f.topics().contains("wubu/orders/SHIPPED"));
        assertEquals(1, f.orders.list(AGENT, new OrderQuery(OrderState.SHIPPED, null, 10)).items().size());
        assertTrue(f.verifier.verify(Caller.SYSTEM).intact());
    }

    @Test
    public void notesAndAmendmentsAreNewRecordsShownWithTheOrder() {
        OrderRecord created = f.orders.records(AGENT, id).get(0);
        f.orders.append(AGENT, id, RecordDraft.note("客户要求周末前送达"));
        OrderRecord amendment = f.orders.append(AGENT, id, RecordDraft.amendment(created.id(), "customer gave the wrong floor",
                Map.of("address", "上海市浦东新区世纪大道 100 号 15 楼")));
        assertEquals(created.id(), amendment.corrects().longValue());
        assertTrue(amendment.payload(), amendment.payload().contains("\"reason\":\"customer gave the wrong floor\""));
        Order o = f.orders.find(AGENT, id).orElseThrow();
        assertEquals("the header is as created", "上海市浦东新区世纪大道 100 号", o.address());
        assertEquals(List.of("请工作日送货", "客户要求周末前送达", "amends record " + created.id() + ": customer gave the wrong floor"),
                o.status().notes().stream().map(n -> n.text()).toList());
        assertEquals(List.of(amendment.id()), o.status().amendments());
        assertTrue(f.orders.list(AGENT, new OrderQuery(null, null, 10)).items().get(0).hasNotes());

        assertEquals("missing", assertThrows(ValidationException.class,
                () -> f.orders.append(AGENT, id, RecordDraft.of(RecordKind.AMENDMENT, Map.of("reason", "x")))).details().get("corrects"));
        assertEquals("missing", assertThrows(ValidationException.class,
                () -> f.orders.append(AGENT, id, RecordDraft.note(" "))).details().get("text"));
        long other = f.orders.place(STOREFRONT, "k-2", order("TEA-1@268.00")).order().id();
        OrderRecord otherCreated = f.orders.records(AGENT, other).get(0);
        ValidationException foreign = assertThrows(ValidationException.class,
                () -> f.orders.append(AGENT, id, RecordDraft.amendment(otherCreated.id(), "wrong order", Map.of())));
        assertEquals("not in this order", foreign.details().get("corrects"));
        assertThrows(ValidationException.class, () -> f.orders.append(Caller.SYSTEM, id, RecordDraft.of(RecordKind.CREATED, Map.of())));
        assertThrows(NotFoundException.class, () -> f.orders.append(AGENT, 999, RecordDraft.note("x")));
        assertThrows(ValidationException.class, () -> f.orders.append(AGENT, id, RecordDraft.of(RecordKind.NOTE,
                Map.of("text", "a", "weight", 1.5))));
    }

    @Test
    public void listsAreNewestFirstPagedAndFilteredByState() throws Exception {
        for (int i = 2; i <= 5; i++) {
            long o = f.orders.place(STOREFRONT, "k-" + i, order("TEA-1@268.00")).order().id();
            if (i % 2 == 0) {
                f.orders.append(AGENT, o, RecordDraft.of(RecordKind.CONFIRMED, Map.of("channel", "phone")));
            }
        }
        OrderPage first = f.orders.list(AGENT, new OrderQuery(null, null, 3));
        assertEquals(List.of(5L, 4L, 3L), first.items().stream().map(s -> s.id()).toList());
        assertEquals(3L, first.nextBefore().longValue());
        OrderPage second = f.orders.list(AGENT, new OrderQuery(null, first.nextBefore(), 3));
        assertEquals(List.of(2L, 1L), second.items().stream().map(s -> s.id()).toList());
        assertNull(second.nextBefore());
        assertEquals(List.of(4L, 2L), f.orders.list(AGENT, new OrderQuery(OrderState.CONFIRMED, null, 10)).items().stream()
                .map(s -> s.id()).toList());
        assertEquals(List.of(5L, 3L, 1L), f.orders.list(AGENT, new OrderQuery(OrderState.ACCEPTED, null, 10)).items().stream()
                .map(s -> s.id()).toList());
        List<OrderRecord> journal = f.orders.journal(AGENT, 3, null, null, 4);
        assertEquals(List.of(4L, 5L, 6L, 7L), journal.stream().map(OrderRecord::id).toList());
        assertEquals(f.orders.head().orElseThrow().sequence(), f.count("SELECT MAX(ID) FROM ORD_RECORD"));
    }

    @Test
    public void concurrentIntakeAndAppendsKeepBothChainsWhole() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 8; i++) {
                        long o = f.orders.place(STOREFRONT, "c-" + thread + "-" + i, order("TEA-1@268.00")).order().id();
                        f.orders.append(AGENT, o, RecordDraft.note("note " + i));
                        f.orders.append(AGENT, id, RecordDraft.note("on the shared order from " + thread));
                    }
                    return null;
                }));
            }
            for (Future<?> w : work) {
                w.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long records = f.count("SELECT COUNT(*) FROM ORD_RECORD");
        assertEquals(2 + 6 * 8 * 4, records);
        assertEquals("ids without gaps", records, f.count("SELECT MAX(ID) FROM ORD_RECORD"));
        ChainReport report = f.verifier.verify(Caller.SYSTEM);
        assertTrue(report.summary(), report.intact());
        assertEquals(records, report.records());
        assertEquals(49, report.orders());
        assertEquals(2 + 48, f.orders.find(AGENT, id).orElseThrow().status().records());
    }
}
