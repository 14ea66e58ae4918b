package org.wubu.orders.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.wubu.platform.api.WubuException;

/** The fold and the rules every area shares. */
public class OrderLifecycleTest {

    private static final Instant T = Instant.parse("2026-11-27T02:00:00Z");
    private final List<OrderRecord> records = new ArrayList<>();

    private OrderStatus add(RecordKind kind, String payload) {
        return add(kind, payload, null);
    }

    private OrderStatus add(RecordKind kind, String payload, Long corrects) {
        int seq = records.size() + 1;
        records.add(new OrderRecord(seq, 7, seq, kind, payload, "agent", T.plusSeconds(seq), corrects, "", "", ""));
        OrderStatus folded = OrderLifecycle.fold(records);
        if (records.size() > 1) {
            OrderStatus before = OrderLifecycle.fold(records.subList(0, records.size() - 1));
            assertEquals("folding one at a time gives the same", folded, OrderLifecycle.next(before, records.get(records.size() - 1)));
        }
        return folded;
    }

    private void refused(RecordKind kind) {
        OrderStatus s = OrderLifecycle.fold(records);
        WubuException e = assertThrows(WubuException.class, () -> OrderLifecycle.check(s, kind));
        assertEquals(OrderLifecycle.WRONG_STATE, e.code());
    }

    @Test
    public void theUsualPathWithFlagsNotesAndAmendments() {
        OrderStatus s = add(RecordKind.CREATED, "{\"note\":\"请工作日送货\",\"orderId\":7}");
        assertEquals(OrderState.NEW, s.state());
        assertEquals("请工作日送货", s.notes().get(0).text());
        s = add(RecordKind.ACCEPTED, "{}");
        assertEquals(OrderState.ACCEPTED, s.state());
        assertEquals(T.plusSeconds(2), s.acceptedAt());
        refused(RecordKind.PACKED);
        refused(RecordKind.SHIPPED);
        s = add(RecordKind.CONFIRMATION_OVERDUE, "{\"due\":\"2026-11-27T02:10:00Z\"}");
        assertTrue(s.confirmationOverdue());
        s = add(RecordKind.CONFIRMED, "{\"channel\":\"phone\"}");
        assertEquals(OrderState.CONFIRMED, s.state());
        assertFalse(s.confirmationOverdue());
        assertEquals("agent", s.confirmedBy());
        s = add(RecordKind.PAYMENT_FLAGGED, "{\"reason\":\"amount\"}");
        assertEquals(List.of(5L), s.openPaymentFlags());
        WubuException blocked = assertThrows(WubuException.class, () -> OrderLifecycle.check(OrderLifecycle.fold(records), RecordKind.PACKED));
        assertTrue(blocked.getMessage(), blocked.getMessage().contains("payment is flagged (ORD-6)"));
        s = add(RecordKind.PAYMENT_FLAG_RESOLVED, "{\"flag\":5,\"reason\":\"paid\"}");
        assertTrue(s.openPaymentFlags().isEmpty());
        s = add(RecordKind.NOTE, "{\"text\":\"易碎 \\\"fragile\\\"\\n\"}");
        assertEquals("易碎 \"fragile\"\n", s.notes().get(1).text());
        s = add(RecordKind.AMENDMENT, "{\"changes\":{\"reason\":\"nested, not this\"},\"reason\":\"wrong floor\"}", 1L);
        assertEquals("amends record 1: wrong floor", s.notes().get(2).text());
        assertEquals(List.of(8L), s.amendments());
        s = add(RecordKind.PACKED, "{}");
        refused(RecordKind.DELIVERED);
        s = add(RecordKind.SHIPPED, "{\"carrier\":\"SF\"}");
        refused(RecordKind.CANCELLED);
        s = add(RecordKind.DELIVERED, "{}");
        s = add(RecordKind.RETURN_REQUESTED, "{\"reason\":\"size\"}");
        s = add(RecordKind.RETURNED, "{}");
        assertEquals(OrderState.RETURNED, s.state());
        assertEquals(13, s.records());
        refused(RecordKind.CREATED);
    }

    @Test
    public void cancelledOrdersTakeNotesButNoMoreSteps() {
        add(RecordKind.CREATED, "{\"note\":null}");
        assertTrue(OrderLifecycle.fold(records).notes().isEmpty());
        add(RecordKind.ACCEPTED, "{}");
        OrderStatus s = add(RecordKind.CANCELLED, "{\"reason\":\"customer\"}");
        assertEquals(OrderState.CANCELLED, s.state());
        refused(RecordKind.CONFIRMED);
        refused(RecordKind.GIFT);
        OrderLifecycle.check(s, RecordKind.NOTE);
        OrderLifecycle.check(s, RecordKind.AMENDMENT);
        assertThrows(IllegalArgumentException.class, () -> OrderLifecycle.fold(records.subList(1, 3)));
    }

    @Test
    public void readsOnlyTopLevelFieldsOfThePayload() {
        assertEquals("a", OrderLifecycle.field("{\"x\":{\"text\":\"b\"},\"text\":\"a\"}", "text"));
        assertEquals("12", OrderLifecycle.field("{\"flag\":12,\"reason\":\"r\"}", "flag"));
        assertNull(OrderLifecycle.field("{\"other\":\"\\\"text\\\":\\\"no\\\"\"}", "text"));
        assertNull(OrderLifecycle.field("{\"text\":null}", "text"));
        assertEquals("中", OrderLifecycle.field("{\"text\":\"\\u4e2d\"}", "text"));
    }
}
