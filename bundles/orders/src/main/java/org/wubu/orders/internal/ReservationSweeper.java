package org.wubu.orders.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.orders.api.OrderEvents;
import org.wubu.orders.api.OrderService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.audit.AuditService;

/**
 * Nothing lost (issue 6, ORD-1, ORD-5): intake reserves an order's stock in the catalog's transaction and
 * then writes the order in its own; when the JVM dies (or the connection breaks) between the two commits,
 * the catalog holds units for an order that never came to be, and no workflow will ever give them back.
 * On start and then periodically the sweeper asks the catalog which {@code order:<id>} references still
 * hold stock and were last reserved longer ago than the configured age, and releases those whose order
 * does not exist: one all-or-nothing release per order, an audit entry {@code orders.reservation.swept}
 * by {@code system}, the event {@link OrderEvents#RESERVATION_SWEPT} and a log line.
 *
 * <p>An order that exists keeps its reservation whatever its state: settling it (a sale when shipped, a
 * release when cancelled) is its workflow's business, never the sweeper's. A reservation younger than the
 * age may be an intake in flight and is left for a later pass. Orders are never deleted and their numbers
 * come from a sequence, so an order absent after the age never appears later under that number.
 *
 * <p>The first pass after start looks at every open order reservation (the crash that left them is
 * usually what the start follows); later passes only at reservations made since the previous complete
 * pass's cut-off. While the catalog is not running a pass does nothing, and the next one tries again.
 * One node sweeps: two sweepers on one database could both release the same reservation.
 */
// Immediate: it runs scheduled work, which a delayed component would lose whenever SCR disposes it.
@Component(service = ReservationSweeper.class, configurationPid = ReservationSweeper.PID, immediate = true)
@Designate(ocd = SweeperConfig.class)
public class ReservationSweeper {

    static final String PID = "org.wubu.orders.sweeper";
    /** The references intake reserves under ({@link OrderEvents#subject}). */
    static final String PREFIX = "order:";
    static final String ACTION = "orders.reservation.swept";

    /** The platform acting: it only reads orders; the catalog adapter lends it the right to release stock. */
    static final Caller SWEEPER = new Caller("system", Set.of("system"), Set.of(OrderService.READ));

    private static final Logger LOG = LoggerFactory.getLogger(ReservationSweeper.class);

    private final OrderService orders;
    private final ShopClock clock;
    private final AuditService audit;
    private final Duration age;
    private final ScheduledExecutorService executor;
    /** Every reservation made before this was looked at by a complete pass; null until one completed. */
    private Instant sweptUpTo;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OrderCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    @Activate
    public ReservationSweeper(@Reference OrderService orders, @Reference ShopClock clock, @Reference AuditService audit,
                              SweeperConfig config) {
        this(orders, clock, audit, config, true);
    }

    ReservationSweeper(OrderService orders, ShopClock clock, AuditService audit, SweeperConfig config, boolean schedule) {
        this.orders = orders;
        this.clock = clock;
        this.audit = audit;
        this.age = Duration.ofMinutes(Math.max(1, config.ageMinutes()));
        if (schedule) {
            long every = Math.max(1, config.intervalMinutes()) * 60L;
            this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "wubu-reservation-sweeper");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(this::tick, Math.max(0, config.initialDelaySeconds()), every, TimeUnit.SECONDS);
            LOG.info("Reservation sweeper: stock held for orders that do not exist is released once {} old; checked every {} s",
                    age, every);
        } else {
            this.executor = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** One pass, never throwing, so that the schedule goes on. */
    void tick() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("The reservation sweeper could not finish; it tries again next time: {}", e.toString());
        }
    }

    /** One pass: the orders whose stock was released, in the order found (empty when the catalog is not running). */
    synchronized List<Long> sweep() {
        OrderCatalog cat = catalog;
        if (cat == null) {
            LOG.debug("Reservation sweeper: the catalog is not running; trying again later");
            return List.of();
        }
        Instant cutoff = clock.now().minus(age);
        Map<Long, List<OrderCatalog.Held>> orphans = orphans(cat, cutoff);
        List<Long> released = new ArrayList<>();
        RuntimeException failed = null;
        for (Map.Entry<Long, List<OrderCatalog.Held>> o : orphans.entrySet()) {
            try {
                release(cat, o.getKey(), o.getValue());
                released.add(o.getKey());
            } catch (RuntimeException e) {
                // The others still go back; this one is looked at again by the next pass (the cut-off stays).
                LOG.warn("Stock held for order {}, which does not exist, could not be released: {}", o.getKey(), e.toString());
                failed = e;
            }
        }
        if (failed == null) {
            sweptUpTo = cutoff;
        }
        return released;
    }

    /** Every open order reservation in this pass's window whose order does not exist, by order number. */
    private Map<Long, List<OrderCatalog.Held>> orphans(OrderCatalog cat, Instant cutoff) {
        Map<Long, List<OrderCatalog.Held>> orphans = new LinkedHashMap<>();
        Map<Long, Boolean> missing = new HashMap<>();
        cat.forEachHeld(SWEEPER, PREFIX, sweptUpTo, cutoff, h -> {
            Long orderId = orderId(h.reference());
            if (orderId != null && missing.computeIfAbsent(orderId, id -> orders.find(SWEEPER, id).isEmpty())) {
                orphans.computeIfAbsent(orderId, id -> new ArrayList<>()).add(h);
            }
        });
        return orphans;
    }

    /** The order number of an intake reference, or null for another reference that merely starts the same way. */
    static Long orderId(String reference) {
        String digits = reference.substring(PREFIX.length());
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(digits);
    }

    private void release(OrderCatalog cat, long orderId, List<OrderCatalog.Held> held) {
        String reference = OrderEvents.subject(orderId);
        List<OrderCatalog.Reservation> lines = new ArrayList<>();
        for (OrderCatalog.Held h : held) {
            lines.add(new OrderCatalog.Reservation(lines.size() + 1, h.sku(), h.quantity()));
        }
        cat.releaseAll(Caller.SYSTEM, reference, lines);
        long units = held.stream().mapToLong(OrderCatalog.Held::quantity).sum();
        Instant reservedAt = held.stream().map(OrderCatalog.Held::reservedAt).max(Instant::compareTo).orElseThrow();
        String what = held.stream().map(h -> h.sku() + " x" + h.quantity()).collect(Collectors.joining(", "));
        audit.record(Caller.SYSTEM, ACTION, reference, "order " + orderId + " does not exist; stock reserved for it at " + reservedAt
                + " released: " + what);
        LOG.warn("Released stock held for order {}, which does not exist (its intake stopped between the catalog's commit and"
                + " its own; reserved at {}): {}", orderId, reservedAt, what);
        EventAdmin ea = eventAdmin;
        if (ea != null) {
            Map<String, Object> props = new HashMap<>();
            props.put(Topics.ACTOR, Caller.SYSTEM.username());
            props.put(Topics.SUBJECT, reference);
            props.put(Topics.TIME, clock.now().toString());
            props.put(OrderEvents.ORDER_ID, orderId);
            props.put(OrderEvents.UNITS, units);
            ea.postEvent(new Event(OrderEvents.RESERVATION_SWEPT, props));
        }
    }
}
