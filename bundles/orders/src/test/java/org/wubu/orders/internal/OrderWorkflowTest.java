package org.wubu.orders.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.wubu.orders.internal.OrdersFixture.AGENT;
import static org.wubu.orders.internal.OrdersFixture.DELIVERY;
import static org.wubu.orders.internal.OrdersFixture.MANAGER;
import static org.wubu.orders.internal.OrdersFixture.STOREFRONT;
import static org.wubu.orders.internal.OrdersFixture.order;
import static org.wubu.orders.internal.WorkflowFixture.AGENT_2;
import static org.wubu.orders.internal.WorkflowFixture.AGENT_PLUS;
import static org.wubu.orders.internal.WorkflowFixture.lines;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderDraft;
import org.wubu.orders.api.OrderEvents;
import org.wubu.orders.api.OrderLifecycle;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderState;
import org.wubu.orders.api.Payment;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.notify.Urgency;

/** The workflow after intake on the real orders store and catalog: clock, confirmation, payment checks, packing, shipping, returns. */
public class OrderWorkflowTest {

    private final OrdersFixture f = new OrdersFixture();
    private final WorkflowFixture w = new WorkflowFixture(f);

    @Rule
    public final RuleChain chain = RuleChain.outerRule(f).around(w);

    private long place(String key, OrderDraft d) {
        return f.orders.place(STOREFRONT, key, d).order().id();
    }

    private List<RecordKind> kinds(long id) {
        return f.orders.records(Caller.SYSTEM, id).stream().map(OrderRecord::kind).collect(Collectors.toList());
    }

    private OrderState state(long id) {
        return f.orders.find(Caller.SYSTEM, id).orElseThrow().status().state();
    }

    private static OrderDraft paying(OrderDraft d, String amount, String ref) {
        return new OrderDraft(d.customer(), d.address(), d.lines(), new Payment("alipay", Money.cny(amount), ref), d.note(), d.source());
    }

    @Test
    public void anOrderLeftUnconfirmedPastTheLimitIsMarkedOverdueOnceWithItsEventAndTheCsManagerHearsOfIt() {
        f.catalog.listed("TEA-1", "100.00", 10);
        long late = place("k1", order("TEA-1@100.00"));
        f.clock.advance(Duration.ofMinutes(3));
        long inTime = place("k2", order("TEA-1=2@100.00"));
        f.clock.advance(Duration.ofMinutes(6));
        assertEquals("9 minutes: nobody is late yet", 0, w.confirmationClock.markOverdue());
        w.confirmations.confirm(AGENT, inTime, new Confirmations.Input("phone", "confirmed", null));
        f.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, w.confirmationClock.markOverdue());
        assertEquals("once per order", 0, w.confirmationClock.markOverdue());

        List<OrderRecord> records = f.orders.records(Caller.SYSTEM, late);
        OrderRecord overdue = records.get(records.size() - 1);
        assertEquals(RecordKind.CONFIRMATION_OVERDUE, overdue.kind());
        assertEquals("system", overdue.actor());
        assertTrue(overdue.payload(), overdue.payload().contains("\"limitSeconds\":600"));
        assertTrue(f.orders.find(Caller.SYSTEM, late).orElseThrow().status().confirmationOverdue());
        assertEquals(1, f.topics().stream().filter(OrderEvents.topic(RecordKind.CONFIRMATION_OVERDUE)::equals).count());
        assertFalse(kinds(inTime).contains(RecordKind.CONFIRMATION_OVERDUE));

        assertEquals(1, w.sent.size());
        assertEquals(java.util.Set.of("cs-manager"), w.sent.get(0).roles());
        assertEquals(Urgency.HIGH, w.sent.get(0).urgency());
        assertEquals("order:" + late, w.sent.get(0).subject());

        List<WorkflowTables.Waiting> queue = w.confirmations.queue(AGENT, 50);
        assertEquals(1, queue.size());
        assertTrue("the overdue order leads the queue", queue.get(0).overdue());
        // A late confirmation still confirms; the clock stops.
        OrderRecord r = w.confirmations.confirm(AGENT, late, new Confirmations.Input("chat", "confirmed", "客户确认")).record();
        assertTrue(r.payload(), r.payload().contains("\"withinLimit\":false"));
        assertEquals(OrderState.CONFIRMED, state(late));
        assertTrue(w.confirmations.queue(AGENT, 50).isEmpty());
    }

    @Test
    public void secondsReplaceMinutesForDrills() {
        assertEquals(Duration.ofSeconds(2), ConfirmationClock.limit(WorkflowFixture.confirmation(10, 2)));
        assertEquals(Duration.ofMinutes(10), ConfirmationClock.limit(WorkflowFixture.confirmation(10, 0)));
    }

    @Test
    public void unreachableAndRejectedCallsAreNotedWithoutConfirmingAndTheReportGivesTimesPerAgent() {
        f.catalog.listed("TEA-1", "100.00", 10);
        long a = place("k1", order("TEA-1@100.00"));
        long b = place("k2", order("TEA-1=2@100.00"));
        long c = place("k3", order("TEA-1=3@100.00"));
        var start = f.clock.now();
        f.clock.advance(Duration.ofMinutes(4));
        w.confirmations.confirm(AGENT, a, new Confirmations.Input("phone", "confirmed", null));
        Confirmations.Outcome unreachable = w.confirmations.confirm(AGENT_2, b, new Confirmations.Input("Phone", "unreachable", "无人接听"));
        assertFalse(unreachable.confirmed());
        assertEquals(RecordKind.NOTE, unreachable.record().kind());
        assertEquals(OrderState.ACCEPTED, state(b));
        w.confirmations.confirm(AGENT, c, new Confirmations.Input("sms", "rejected", "客户说没有下单"));
        assertEquals(OrderState.ACCEPTED, state(c));
        assertEquals("the CS manager hears of the rejection", "orders.confirmation-rejected", w.sent.get(0).topic());
        f.clock.advance(Duration.ofMinutes(8));
        w.confirmations.confirm(AGENT_2, b, new Confirmations.Input("phone", "confirmed", null));

        ConfirmationStats.Report report = w.confirmations.report(AGENT, start, f.clock.now().plusSeconds(1));
        assertEquals(2, report.agents().size());
        ConfirmationStats.Row agent = report.agents().get(0);
        assertEquals("agent", agent.agent());
        assertEquals(1, agent.confirmed());
        assertEquals(new BigDecimal("4.0"), agent.medianMinutes());
        assertEquals(new BigDecimal("1.000"), agent.shareWithinLimit());
        ConfirmationStats.Row agent2 = report.agents().get(1);
        assertEquals(new BigDecimal("12.0"), agent2.p90Minutes());
        assertEquals(0, agent2.withinLimit());
        assertEquals(2, report.total().confirmed());
        assertEquals(new BigDecimal("0.500"), report.total().shareWithinLimit());

        ValidationException bad = assertThrows(ValidationException.class,
                () -> w.confirmations.confirm(AGENT, c, new Confirmations.Input("fax", null, null)));
        assertTrue(bad.details().toString(), bad.details().containsKey("channel") && bad.details().containsKey("result"));
        assertThrows(PermissionDeniedException.class,
                () -> w.confirmations.confirm(DELIVERY, c, new Confirmations.Input("phone", "confirmed", null)));
        WubuException wrong = assertThrows(WubuException.class,
                () -> w.confirmations.confirm(AGENT, a, new Confirmations.Input("phone", "confirmed", null)));
        assertEquals(OrderLifecycle.WRONG_STATE, wrong.code());
        assertThrows(ValidationException.class, () -> w.confirmations.report(AGENT, f.clock.now(), start));
    }

    @Test
    public void aFlaggedPaymentBlocksPackingUntilResolvedThenAMismatchIsRefusedAndRecordedAndTheRightGoodsPackShipAndDeliver() {
        f.catalog.listed("TEA-1", "100.00", 10);
        f.catalog.listed("CUP-1", "20.00", 10);
        long id = place("k1", paying(order("TEA-1=2@100.00", "CUP-1@20.00"), "200.00", "TX-PAID-LESS"));
        List<OrderRecord> flags = w.paymentChecks.check(id);
        assertEquals(1, flags.size());
        assertEquals(RecordKind.PAYMENT_FLAGGED, flags.get(0).kind());
        assertTrue(flags.get(0).payload(), flags.get(0).payload().contains("\"rule\":\"amount-mismatch\""));
        assertTrue("a repeated event changes nothing", w.paymentChecks.check(id).isEmpty());
        w.confirmations.confirm(AGENT, id, new Confirmations.Input("phone", "confirmed", null));

        assertFalse(w.packing.pickList(DELIVERY, id).blockedBy() == null);
        WubuException blocked = assertThrows(WubuException.class,
                () -> w.packing.pack(DELIVERY, id, lines("TEA-1", 2, "CUP-1", 1)));
        assertEquals(OrderLifecycle.WRONG_STATE, blocked.code());
        assertFalse("no mismatch recorded for a blocked order", kinds(id).contains(RecordKind.PACK_MISMATCH));

        assertThrows(PermissionDeniedException.class, () -> w.paymentFlags.resolve(AGENT, id, flags.get(0).id(), "ok"));
        assertThrows(ValidationException.class, () -> w.paymentFlags.resolve(MANAGER, id, flags.get(0).id(), " "));
        w.paymentFlags.resolve(MANAGER, id, flags.get(0).id(), "客户补付 20 元，财务已确认");
        PaymentFlags.Checks checks = w.paymentFlags.checks(AGENT, id);
        assertFalse(checks.blocked());
        assertEquals("csmanager", checks.flags().get(0).resolution().actor());

        Packing.PickList pl = w.packing.pickList(DELIVERY, id);
        assertNull(pl.blockedBy());
        assertEquals("请工作日送货", pl.order().status().notes().get(0).text());
        WubuException mismatch = assertThrows(WubuException.class,
                () -> w.packing.pack(DELIVERY, id, lines("TEA-1", 1, "CUP-1", 1, "PEN-9", 1)));
        assertEquals(Packing.PACK_MISMATCH, mismatch.code());
        assertTrue(mismatch.getMessage(), mismatch.getMessage().contains("TEA-1 1 instead of 2")
                && mismatch.getMessage().contains("PEN-9 not in the order"));
        assertEquals(2, ((List<?>) mismatch.details().get("differences")).size());
        assertTrue("the mismatch stays recorded", kinds(id).contains(RecordKind.PACK_MISMATCH));
        assertEquals(OrderState.CONFIRMED, state(id));

        OrderRecord packed = w.packing.pack(DELIVERY, id, lines("CUP-1", 1, "TEA-1", 1, "TEA-1", 1));
        assertEquals(RecordKind.PACKED, packed.kind());
        assertThrows(ValidationException.class, () -> w.shipping.ship(DELIVERY, id, "顺丰", " "));
        w.shipping.ship(DELIVERY, id, "顺丰", "SF1234567890");
        w.shipping.deliver(DELIVERY, id, "本人签收");
        assertEquals(OrderState.DELIVERED, state(id));
        assertTrue(f.verifier.verify(Caller.SYSTEM).intact());
    }

    @Test
    public void aTransactionReferenceUsedTwiceIsFlaggedOnTheSecondOrder() {
        f.catalog.listed("TEA-1", "100.00", 10);
        long first = place("k1", paying(order("TEA-1@100.00"), "100.00", "TX-SAME"));
        List<OrderRecord> ok = w.paymentChecks.check(first);
        assertEquals(RecordKind.PAYMENT_VERIFIED, ok.get(0).kind());
        assertTrue(ok.get(0).payload(), ok.get(0).payload().contains("amount-mismatch") && ok.get(0).payload().contains("duplicate-reference"));
        long second = place("k2", paying(order("TEA-1@100.00"), "100.00", "TX-SAME"));
        List<OrderRecord> flagged = w.paymentChecks.check(second);
        assertEquals(1, flagged.size());
        assertTrue(flagged.get(0).payload(), flagged.get(0).payload().contains("\"rule\":\"duplicate-reference\"")
                && flagged.get(0).payload().contains("[" + first + "]"));
    }

    private long delivered(String key, String line) {
        long id = place(key, order(line));
        w.paymentChecks.check(id);
        w.confirmations.confirm(AGENT, id, new Confirmations.Input("phone", "confirmed", null));
        Order o = f.orders.find(Caller.SYSTEM, id).orElseThrow();
        w.packing.pack(DELIVERY, id, o.lines().stream().map(l -> new GoodsLines.Line(l.sku(), l.quantity())).collect(Collectors.toList()));
        w.shipping.ship(DELIVERY, id, "顺丰", "SF-" + id);
        w.shipping.deliver(DELIVERY, id, null);
        return id;
    }

    @Test
    public void aRefundAboveTheAgentsLimitWaitsForTheCsManagersApprovalThenTheGoodsGoBackIntoStock() throws Exception {
        f.catalog.listed("TEA-1", "268.00", 10);
        long id = delivered("k1", "TEA-1=2@268.00");
        assertEquals(8, f.stock("TEA-1"));

        ValidationException tooMany = assertThrows(ValidationException.class,
                () -> w.returns.request(AGENT, id, lines("TEA-1", 3), "破损", Money.cny("100.00")));
        assertTrue(tooMany.details().toString(), tooMany.details().toString().contains("only 2 can come back"));
        assertThrows(ValidationException.class, () -> w.returns.request(AGENT, id, lines("TEA-1", 1), "破损", Money.cny("300.00")));

        Returns.Requested req = w.returns.request(AGENT, id, lines("TEA-1", 2), "茶叶受潮", Money.cny("536.00"));
        assertTrue(req.approvalRequired());
        assertEquals(Long.valueOf(1), req.approvalId());
        assertEquals(OrderState.RETURN_REQUESTED, state(id));
        assertTrue(w.approvals.render(AGENT, 1, java.util.Locale.CHINESE).orElseThrow().contains("超出客服权限 200.00 CNY"));

        WubuException waiting = assertThrows(WubuException.class, () -> w.returns.check(DELIVERY, id, lines("TEA-1", 2)));
        assertEquals(Returns.AWAITING_APPROVAL, waiting.code());
        assertEquals(1L, waiting.details().get("approvalId"));

        w.approvals.approve(1, "csmanager");
        int records = f.orders.records(Caller.SYSTEM, id).size();
        w.returnHandler.apply(w.approvals.get(Caller.SYSTEM, 1));
        assertEquals("applying twice records once", records, f.orders.records(Caller.SYSTEM, id).size());

        WubuException differs = assertThrows(WubuException.class, () -> w.returns.check(DELIVERY, id, lines("TEA-1", 1)));
        assertEquals(Returns.RETURN_MISMATCH, differs.code());
        assertThrows(PermissionDeniedException.class, () -> w.returns.check(AGENT, id, lines("TEA-1", 2)));

        Returns.Done done = w.returns.check(DELIVERY, id, lines("TEA-1", 2));
        assertEquals(RecordKind.RETURNED, done.record().kind());
        assertTrue(done.stockProblems().isEmpty());
        assertTrue(done.record().payload(), done.record().payload().contains("\"approval\":1"));
        assertEquals(OrderState.RETURNED, state(id));
        assertEquals("stock back", 10, f.stock("TEA-1"));
        assertEquals(1, f.count("SELECT COUNT(*) FROM CAT_STOCK_MOVEMENT WHERE KIND = 'RETURN' AND REASON LIKE 'order:" + id + " %'"));
        ReturnLedger l = w.returns.ledger(AGENT, id);
        assertNull(l.open);
        assertEquals(Map.of("TEA-1", 0L), l.returnable());
        assertTrue(f.verifier.verify(Caller.SYSTEM).intact());
    }

    @Test
    public void aRefundWithinTheLimitNeedsNoApproval() {
        f.catalog.listed("CUP-1", "59.00", 10);
        long id = delivered("k1", "CUP-1=2@59.00");
        Returns.Requested req = w.returns.request(AGENT, id, lines("CUP-1", 1), "颜色不符", Money.cny("59.00"));
        assertFalse(req.approvalRequired());
        assertTrue(w.approvals.submitted.isEmpty());
        w.returns.check(DELIVERY, id, lines("CUP-1", 1));
        assertEquals(9, f.stock("CUP-1"));
        assertEquals(Map.of("CUP-1", 1L), w.returns.ledger(AGENT, id).returnable());
    }

    @Test
    public void giftsAndExchangesAboveTheAgentsLimitAreForTheCsManagerAndGiftsJoinThePickList() {
        f.catalog.listed("TEA-1", "100.00", 10);
        f.catalog.listed("GIFT-1", "5.00", 10);
        long id = place("k1", order("TEA-1@100.00"));
        WubuException above = assertThrows(WubuException.class,
                () -> w.returns.gift(AGENT_PLUS, id, "GIFT-1", 1L, "老客户", Money.cny("300.00")));
        assertEquals(Returns.ABOVE_LIMIT, above.code());
        assertThrows(PermissionDeniedException.class, () -> w.returns.gift(AGENT, id, "GIFT-1", 1L, "老客户", Money.cny("5.00")));
        w.returns.gift(AGENT_PLUS, id, "GIFT-1", 1L, "老客户", Money.cny("5.00"));
        assertEquals(9, f.stock("GIFT-1"));
        assertEquals(Map.of("TEA-1", 1L, "GIFT-1", 1L), w.packing.pickList(DELIVERY, id).expected());

        w.paymentChecks.check(id);
        w.confirmations.confirm(AGENT, id, new Confirmations.Input("phone", "confirmed", null));
        WubuException withoutGift = assertThrows(WubuException.class, () -> w.packing.pack(DELIVERY, id, lines("TEA-1", 1)));
        assertEquals(Packing.PACK_MISMATCH, withoutGift.code());
        w.packing.pack(DELIVERY, id, lines("TEA-1", 1, "GIFT-1", 1));
        w.shipping.ship(DELIVERY, id, "EMS", "E1");
        w.shipping.deliver(DELIVERY, id, null);

        Returns.Done ex = w.returns.exchange(MANAGER, id, lines("TEA-1", 1), lines("TEA-1", 1), "包装破损，换新", Money.cny("300.00"));
        assertEquals(RecordKind.EXCHANGED, ex.record().kind());
        assertEquals("one back, one out", 9, f.stock("TEA-1"));
        assertEquals(Map.of("TEA-1", 0L), w.returns.ledger(AGENT, id).returnable());
    }
}
