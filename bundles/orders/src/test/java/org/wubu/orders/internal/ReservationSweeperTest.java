package org.wubu.orders.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.wubu.orders.internal.OrdersFixture.STOREFRONT;
import static org.wubu.orders.internal.OrdersFixture.order;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderEvents;
import org.wubu.platform.api.audit.AuditEntry;

/**
 * Nothing lost (issue 6): stock the real catalog on Derby still holds for an order that does not exist
 * goes back once it is old enough; an existing order's reservation and a young one (an intake in flight)
 * stay.
 */
public class ReservationSweeperTest {

    @Rule
    public final OrdersFixture f = new OrdersFixture();

    private ReservationSweeper sweeper;

    @Before
    public void setUp() {
        f.catalog.listed("TEA-1", "268.00", 10);
        f.catalog.listed("CUP-1", "59.00", 5);
        sweeper = new ReservationSweeper(f.orders, f.clock, f.audit, config(10), false);
        sweeper.catalog = f.orders.catalog;
        sweeper.eventAdmin = f.orders.eventAdmin;
    }

    /** What intake does before it writes the order: the catalog commits the reservation at once. */
    private void reserved(String reference, String sku, long quantity) {
        f.orders.catalog.reserveAll(STOREFRONT, reference, List.of(new OrderCatalog.Reservation(1, sku, quantity)));
    }

    private void later(Duration d) {
        f.now.set(f.now.get().plus(d));
    }

    private List<String> open() {
        return f.orders.catalog.held(ReservationSweeper.SWEEPER, "order:", null, f.now.get().plusSeconds(1), 0, 500).stream()
                .map(h -> h.reference() + " " + h.sku() + " " + h.quantity()).collect(Collectors.toList());
    }

    @Test
    public void releasesStockLeftForAnOrderThatDoesNotExist() {
        Instant reservedAt = f.now.get();
        // The intake of order 999 died after the catalog's commit: both lines stay held, the order was never written.
        f.orders.catalog.reserveAll(STOREFRONT, "order:999", List.of(new OrderCatalog.Reservation(1, "TEA-1", 3),
                new OrderCatalog.Reservation(2, "CUP-1", 1)));
        assertEquals(7, f.stock("TEA-1"));
        later(Duration.ofMinutes(11));
        f.events.clear();

        assertEquals(List.of(999L), sweeper.sweep());

        assertEquals(10, f.stock("TEA-1"));
        assertEquals(5, f.stock("CUP-1"));
        assertEquals(List.of(), open());
        AuditEntry swept = f.audit.entries.stream().filter(e -> e.action().equals("orders.reservation.swept")).findFirst().orElseThrow();
        assertEquals("system", swept.actor());
        assertEquals("order:999", swept.subject());
        assertEquals("order 999 does not exist; stock reserved for it at " + reservedAt + " released: CUP-1 x1, TEA-1 x3",
                swept.details());
        assertEquals("the catalog records the release of both lines in one entry, by system", List.of("stock:order:999"),
                f.audit.entries.stream().filter(a -> a.action().equals("catalog.stock.release") && a.actor().equals("system"))
                        .map(AuditEntry::subject).toList());
        Event e = f.events.stream().filter(ev -> ev.getTopic().equals(OrderEvents.RESERVATION_SWEPT)).findFirst().orElseThrow();
        assertEquals(999L, e.getProperty(OrderEvents.ORDER_ID));
        assertEquals(4L, e.getProperty(OrderEvents.UNITS));
        assertEquals("order:999", e.getProperty("subject"));

        assertEquals("a second pass finds nothing more", List.of(), sweeper.sweep());
        assertEquals(10, f.stock("TEA-1"));
    }

    @Test
    public void anExistingOrderKeepsItsReservationWhateverItsAge() {
        Order placed = f.orders.place(STOREFRONT, "key-1", order("TEA-1=2@268.00")).order();
        later(Duration.ofDays(3));

        assertEquals(List.of(), sweeper.sweep());

        assertEquals(8, f.stock("TEA-1"));
        assertEquals(List.of("order:" + placed.id() + " TEA-1 2"), open());
        assertTrue(f.audit.recorded.stream().noneMatch(a -> a.startsWith("orders.reservation.swept")));
    }

    @Test
    public void aYoungReservationMayBeAnIntakeInFlightAndWaitsForALaterPass() {
        reserved("order:998", "TEA-1", 2);
        later(Duration.ofMinutes(5));
        assertEquals("five minutes old: left alone", List.of(), sweeper.sweep());
        assertEquals(8, f.stock("TEA-1"));

        // The next pass looks only at what was reserved since the last cut-off, which this reservation is.
        later(Duration.ofMinutes(6));
        assertEquals(List.of(998L), sweeper.sweep());
        assertEquals(10, f.stock("TEA-1"));
    }

    @Test
    public void doesNothingWhileTheCatalogIsNotRunningAndCatchesUpAfter() {
        reserved("order:997", "CUP-1", 2);
        later(Duration.ofHours(1));
        sweeper.catalog = null;
        assertEquals(List.of(), sweeper.sweep());
        assertEquals(3, f.stock("CUP-1"));

        sweeper.catalog = f.orders.catalog;
        later(Duration.ofMinutes(5));
        assertEquals(List.of(997L), sweeper.sweep());
        assertEquals(5, f.stock("CUP-1"));
    }

    @Test
    public void leavesReferencesThatAreNoOrderNumberAlone() {
        reserved("order:demo", "TEA-1", 1);
        reserved("orders 12", "TEA-1", 1);
        later(Duration.ofHours(1));
        assertEquals(List.of(), sweeper.sweep());
        assertEquals(8, f.stock("TEA-1"));
    }

    @Test
    public void readsPastAFullPageOfExistingOrders() {
        f.catalog.listed("BULK-1", "1.00", 1000);
        int orders = OrderCatalog.HELD_PAGE + 3;
        for (int i = 0; i < orders; i++) {
            f.orders.place(STOREFRONT, "bulk-" + i, order("BULK-1@1.00"));
        }
        reserved("order:" + (orders + 50), "BULK-1", 7); // reserved after every existing order: the last page
        later(Duration.ofMinutes(30));

        assertEquals(List.of((long) orders + 50), sweeper.sweep());
        assertEquals(1000 - orders, f.stock("BULK-1"));
    }

    static SweeperConfig config(int ageMinutes) {
        return new SweeperConfig() {
            @Override
            public int ageMinutes() {
                return ageMinutes;
            }

            @Override
            public int initialDelaySeconds() {
                return 0;
            }

            @Override
            public int intervalMinutes() {
                return 5;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SweeperConfig.class;
            }
        };
    }
}
