package org.wubu.orders.internal;

import static org.junit.Assert.assertEquals;
import static org.wubu.orders.internal.OrdersFixture.AGENT;
import static org.wubu.orders.internal.OrdersFixture.DELIVERY;
import static org.wubu.orders.internal.OrdersFixture.MANAGER;
import static org.wubu.orders.internal.OrdersFixture.STOREFRONT;
import static org.wubu.orders.internal.OrdersFixture.order;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.wubu.orders.api.OrderEvents;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;

/**
 * The stock an order holds is settled once its fate is known (real orders store and real catalog on
 * Derby): shipped → sold, cancelled → back in stock, anything before shipping → still held; missed events
 * are caught up; settling twice changes nothing.
 */
public class ReservationSettlementTest {

    @Rule
    public final OrdersFixture f = new OrdersFixture();

    private ReservationSettlement settlement;

    @Before
    public void setUp() {
        f.catalog.listed("TEA-1", "268.00", 10);
        f.catalog.listed("CUP-1", "59.00", 5);
        settlement = new ReservationSettlement(f.orders, f.clock, false);
        settlement.bindCatalog(f.orders.catalog);
    }

    private long placed(String... lines) {
        return f.orders.place(STOREFRONT, "k-" + String.join(",", lines) + System.nanoTime(), order(lines)).order().id();
    }

    /** What the catalog still holds for intake references: "order:<id> SKU quantity". */
    private List<String> held() {
        return f.orders.catalog.held(ReservationSettlement.SETTLER, "order:", null, f.now.get().plusSeconds(60), 0, 500).stream()
                .map(h -> h.reference() + " " + h.sku() + " " + h.quantity()).sorted().collect(Collectors.toList());
    }

    private void shipped(long id) {
        f.orders.append(AGENT, id, RecordDraft.of(RecordKind.CONFIRMED, Map.of("channel", "phone", "result", "confirmed")));
        f.orders.append(DELIVERY, id, RecordDraft.of(RecordKind.PACKED, Map.of()));
        f.orders.append(DELIVERY, id, RecordDraft.of(RecordKind.SHIPPED, Map.of("carrier", "SF Express", "trackingNumber", "SF1")));
    }

    @Test
    public void aShippedOrderSellsItsUnitsACancelledOneGivesThemBackAnOpenOneKeepsThem() {
        long ship = placed("TEA-1=3@268.00", "CUP-1=1@59.00");
        long cancel = placed("TEA-1=2@268.00");
        long open = placed("CUP-1=2@59.00");
        assertEquals(5, f.stock("TEA-1"));
        assertEquals(2, f.stock("CUP-1"));

        shipped(ship);
        f.orders.append(MANAGER, cancel, RecordDraft.of(RecordKind.CANCELLED, Map.of("reason", "客户取消 / the customer cancelled")));
        assertEquals("nothing settled before the events are handled", 4, held().size());

        assertEquals(ReservationSettlement.Settlement.SALE, settlement.settle(ship));
        assertEquals(ReservationSettlement.Settlement.RELEASE, settlement.settle(cancel));
        assertEquals(ReservationSettlement.Settlement.NONE, settlement.settle(open));
        assertEquals("settling again changes nothing", ReservationSettlement.Settlement.NONE, settlement.settle(ship));

        assertEquals(List.of("order:" + open + " CUP-1 2"), held());
        assertEquals("the cancelled order's units are back; the shipped ones stay sold", 7, f.stock("TEA-1"));
        assertEquals(2, f.stock("CUP-1"));
        assertEquals("one catalog entry per settlement", List.of("stock:order:" + ship),
                f.audit.entries.stream().filter(a -> a.action().equals("catalog.stock.sale")).map(a -> a.subject()).toList());
        assertEquals(List.of("stock:order:" + cancel),
                f.audit.entries.stream().filter(a -> a.action().equals("catalog.stock.release")).map(a -> a.subject()).toList());
    }

    @Test
    public void settlementsMissedWhileTheCatalogWasAwayAreCaughtUp() {
        settlement.unbindCatalog(f.orders.catalog);
        long ship = placed("TEA-1=1@268.00");
        long cancel = placed("CUP-1=4@59.00");
        long open = placed("TEA-1=1@268.00");
        shipped(ship);
        f.orders.append(MANAGER, cancel, RecordDraft.of(RecordKind.CANCELLED, Map.of("reason", "缺货 / out of stock")));
        assertEquals("without the catalog nothing happens", ReservationSettlement.Settlement.NONE, settlement.settle(cancel));

        settlement.bindCatalog(f.orders.catalog);
        assertEquals(List.of(ship, cancel), settlement.catchUp());
        assertEquals(List.of("order:" + open + " TEA-1 1"), held());
        assertEquals(5, f.stock("CUP-1"));
        assertEquals(List.of(), settlement.catchUp());
    }

    @Test
    public void theEventsItHandlesAreTheRecordsThatDecideTheStock() {
        assertEquals(ReservationSettlement.kinds().stream().map(OrderEvents::topic).toList(),
                List.of(ReservationSettlement.SHIPPED_TOPIC, ReservationSettlement.CANCELLED_TOPIC));
    }

    @Test
    public void theShippedEventSettlesTheOrderOnTheComponentsOwnThread() throws Exception {
        ReservationSettlement running = new ReservationSettlement(f.orders, f.clock, true);
        try {
            running.bindCatalog(f.orders.catalog); // queues the catch-up at start, which finds nothing to settle yet
            long first = placed("TEA-1=2@268.00");
            shipped(first);
            running.handleEvent(new Event(ReservationSettlement.SHIPPED_TOPIC, Map.of(OrderEvents.ORDER_ID, first)));
            awaitNotHeld(first);
            // The catch-up ran before that (one thread, in order): only the event can settle this one.
            long second = placed("CUP-1=1@59.00");
            shipped(second);
            assertEquals(List.of("order:" + second + " CUP-1 1"), held());
            running.handleEvent(new Event(ReservationSettlement.SHIPPED_TOPIC, Map.of(OrderEvents.ORDER_ID, second)));
            awaitNotHeld(second);
            assertEquals(8, f.stock("TEA-1"));
            assertEquals(4, f.stock("CUP-1"));
            assertEquals(0, f.count("SELECT COUNT(*) FROM CAT_PRODUCT WHERE RESERVED <> 0"));
        } finally {
            running.deactivate();
        }
    }

    /** Waits (at most 20 s) until the catalog holds nothing for the order. */
    private void awaitNotHeld(long orderId) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (held().stream().anyMatch(h -> h.startsWith("order:" + orderId + " "))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("order " + orderId + " still holds stock after 20 s: " + held());
            }
            Thread.sleep(20);
        }
    }
}
