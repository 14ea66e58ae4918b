package org.wubu.orders.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderEvents;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.OrderState;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.ShopClock;

/**
 * Settles the stock an order holds in the catalog once its fate is known: intake reserves the lines
 * (reference {@code order:<id>}); when the order is shipped the reservation becomes a sale (the units left
 * with the goods), when it is cancelled the units go back to stock. Without this a cancelled order kept its
 * units forever and every order's reservation stayed open.
 *
 * <p>Driven by the orders' own events (SHIPPED, CANCELLED), on a thread of its own so that the record's
 * writer never waits for the catalog. Events can be missed (the catalog was stopped, the platform went down
 * in between), so at start, and whenever the catalog comes back, it also goes through every open order
 * reservation and settles those whose order is shipped (or later) or cancelled. Settling is idempotent:
 * it acts on what the catalog still holds for the reference, and the catalog records each settlement in its
 * ledger and audit log. Orders that do not exist are the {@link ReservationSweeper}'s business.
 */
// Immediate: it handles events and runs a catch-up at start, which a delayed component would lose.
@Component(service = EventHandler.class, immediate = true, property = {
        EventConstants.EVENT_TOPIC + "=" + ReservationSettlement.SHIPPED_TOPIC,
        EventConstants.EVENT_TOPIC + "=" + ReservationSettlement.CANCELLED_TOPIC})
public class ReservationSettlement implements EventHandler {

    static final String SHIPPED_TOPIC = "wubu/orders/SHIPPED";
    static final String CANCELLED_TOPIC = "wubu/orders/CANCELLED";

    /** The platform acting: it only reads orders; the catalog adapter lends it the right to settle stock. */
    static final Caller SETTLER = new Caller("system", Set.of("system"), Set.of(OrderService.READ));

    private static final Logger LOG = LoggerFactory.getLogger(ReservationSettlement.class);

    /** What becomes of an order's reservation. */
    enum Settlement { SALE, RELEASE, NONE }

    private final OrderService orders;
    private final ShopClock clock;
    private final ExecutorService executor;

    private volatile OrderCatalog catalog;

    @Activate
    public ReservationSettlement(@Reference OrderService orders, @Reference ShopClock clock) {
        this(orders, clock, true);
    }

    /** Without {@code background}, tests call {@link #settle} and {@link #catchUp} themselves. */
    ReservationSettlement(OrderService orders, ShopClock clock, boolean background) {
        this.orders = orders;
        this.clock = clock;
        this.executor = background ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wubu-reservation-settlement");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindCatalog")
    void bindCatalog(OrderCatalog c) {
        catalog = c;
        ExecutorService ex = executor;
        if (ex != null && !ex.isShutdown()) {
            // The catalog came (back): settle what was missed while it was away, and at start.
            ex.execute(this::catchUpQuietly);
        }
    }

    void unbindCatalog(OrderCatalog c) {
        if (catalog == c) {
            catalog = null;
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (executor != null) {
            executor.shutdown();
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        }
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(OrderEvents.ORDER_ID);
        ExecutorService ex = executor;
        if (id instanceof Long orderId && ex != null && !ex.isShutdown()) {
            ex.execute(() -> {
                try {
                    settle(orderId);
                } catch (RuntimeException e) {
                    LOG.warn("The stock of order {} could not be settled now; the next catch-up does it: {}", orderId, e.toString());
                }
            });
        }
    }

    /** The settlement an order's state calls for. */
    static Settlement settlementOf(OrderState state) {
        return switch (state) {
            case SHIPPED, DELIVERED, RETURN_REQUESTED, RETURNED, EXCHANGED -> Settlement.SALE;
            case CANCELLED -> Settlement.RELEASE;
            default -> Settlement.NONE;
        };
    }

    /** Settles one order's reservation as its state calls for; what was done (NONE when nothing). */
    synchronized Settlement settle(long orderId) {
        OrderCatalog cat = catalog;
        if (cat == null) {
            return Settlement.NONE;
        }
        Optional<Order> order = orders.find(SETTLER, orderId);
        if (order.isEmpty()) {
            return Settlement.NONE;
        }
        String reference = OrderEvents.subject(orderId);
        List<OrderCatalog.Held> held = new ArrayList<>();
        cat.forEachHeld(SETTLER, reference, null, clock.now().plus(Duration.ofDays(1)), h -> {
            if (h.reference().equals(reference)) { // the prefix "order:12" also finds "order:123"
                held.add(h);
            }
        });
        return settle(cat, order.get(), held);
    }

    private static Settlement settle(OrderCatalog cat, Order order, List<OrderCatalog.Held> held) {
        Settlement s = settlementOf(order.status().state());
        if (s == Settlement.NONE || held.isEmpty()) {
            return Settlement.NONE;
        }
        String reference = OrderEvents.subject(order.id());
        List<OrderCatalog.Reservation> lines = new ArrayList<>();
        for (OrderCatalog.Held h : held) {
            lines.add(new OrderCatalog.Reservation(lines.size() + 1, h.sku(), h.quantity()));
        }
        if (s == Settlement.SALE) {
            cat.commitAll(Caller.SYSTEM, reference, lines);
        } else {
            cat.releaseAll(Caller.SYSTEM, reference, lines);
        }
        LOG.info("Order {} is {}: the stock it held is {} ({})", order.id(), order.status().state(),
                s == Settlement.SALE ? "sold" : "back in stock", held.stream().map(h -> h.sku() + " x" + h.quantity())
                        .collect(Collectors.joining(", ")));
        return s;
    }

    /** Settles every open order reservation whose order's fate is known; the orders settled. */
    synchronized List<Long> catchUp() {
        OrderCatalog cat = catalog;
        if (cat == null) {
            return List.of();
        }
        Map<Long, List<OrderCatalog.Held>> byOrder = new LinkedHashMap<>();
        cat.forEachHeld(SETTLER, ReservationSweeper.PREFIX, null, clock.now().plus(Duration.ofDays(1)), h -> {
            Long id = ReservationSweeper.orderId(h.reference());
            if (id != null) {
                byOrder.computeIfAbsent(id, k -> new ArrayList<>()).add(h);
            }
        });
        List<Long> settled = new ArrayList<>();
        for (Map.Entry<Long, List<OrderCatalog.Held>> e : byOrder.entrySet()) {
            try {
                Optional<Order> order = orders.find(SETTLER, e.getKey());
                if (order.isPresent() && settle(cat, order.get(), e.getValue()) != Settlement.NONE) {
                    settled.add(e.getKey());
                }
            } catch (RuntimeException ex) {
                LOG.warn("The stock of order {} could not be settled; the next catch-up tries again: {}", e.getKey(), ex.toString());
            }
        }
        return settled;
    }

    private void catchUpQuietly() {
        try {
            List<Long> settled = catchUp();
            if (!settled.isEmpty()) {
                LOG.info("Settled the stock of {} shipped or cancelled orders that still held it", settled.size());
            }
        } catch (RuntimeException e) {
            LOG.warn("The stock of shipped and cancelled orders could not be settled now: {}", e.toString());
        }
    }

    /** The record kinds whose events lead here (kept next to the topics above, checked by a test). */
    static List<RecordKind> kinds() {
        return List.of(RecordKind.SHIPPED, RecordKind.CANCELLED);
    }
}
