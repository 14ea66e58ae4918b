package org.wubu.orders.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.orders.api.OrderLifecycle;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.notify.Notification;
import org.wubu.platform.api.notify.Notifier;
import org.wubu.platform.api.notify.Urgency;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.roster.api.DutyRoster;

/**
 * The confirmation clock (ORD-2): an accepted order must be confirmed with the customer within the
 * configured minutes. Every check interval the clock takes the accepted orders whose time ran out and
 * that are not yet marked (one index range of the status projection, however many orders there are),
 * appends CONFIRMATION_OVERDUE to each, once, which posts {@code wubu/orders/CONFIRMATION_OVERDUE},
 * and notifies the CS manager on duty: the people the duty roster names on duty in the configured role
 * at that moment, by username. When the roster names nobody, or is not running (the reference is
 * optional: orders work without it), the notification goes to the role, every CS manager, and its body
 * says so ({@link DutyRecipients}).
 *
 * <p>On several nodes two clocks could both mark an order between reading and appending; the second
 * append is then one more CONFIRMATION_OVERDUE record of the same order, harmless for the fold.
 */
// Immediate: it runs scheduled or background work, which a delayed component would lose whenever SCR
// disposes it for want of users (Felix SCR does so by default) and repeat at every re-activation.
@Component(service = ConfirmationClock.class, configurationPid = ConfirmationClock.PID, immediate = true)
@Designate(ocd = ConfirmationConfig.class)
public class ConfirmationClock {

    static final String PID = "org.wubu.orders.confirmation";
    /** Orders marked per pass; the next pass continues (the oldest first). */
    static final int BATCH = 200;
    static final String TOPIC = "orders.confirmation-overdue";

    /** The platform's own clock acting: it may only read orders and record overdue confirmations. */
    static final Caller CLOCK = new Caller("system", Set.of("system"), Set.of(OrderService.READ, OrderService.CLOCK));

    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationClock.class);

    private final OrderService orders;
    private final ShopClock clock;
    private final WorkflowTables tables;
    private final Duration limit;
    private final String notifyRole;
    private final ScheduledExecutorService executor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Notifier notifier;

    /** Who is on duty; greedy, so that a roster started later is used at once. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile DutyRoster roster;

    @Activate
    public ConfirmationClock(@Reference OrderService orders, @Reference ShopClock clock,
                             @Reference(target = "(osgi.jndi.service.name=wubu)") DataSource dataSource,
                             @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.orders)") SchemaReady schema,
                             ConfirmationConfig config) {
        this(orders, clock, new WorkflowTables(dataSource), config, true);
    }

    ConfirmationClock(OrderService orders, ShopClock clock, WorkflowTables tables, ConfirmationConfig config, boolean schedule) {
        this.orders = orders;
        this.clock = clock;
        this.tables = tables;
        this.limit = limit(config);
        this.notifyRole = config.notifyRole() == null || config.notifyRole().isBlank() ? "cs-manager" : config.notifyRole().trim();
        if (schedule) {
            long every = Math.max(1, config.checkIntervalSeconds());
            this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "wubu-confirmation-clock");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(this::tick, Math.min(every, 5), every, TimeUnit.SECONDS);
            LOG.info("Confirmation clock: orders are overdue {} after acceptance; checked every {} s", limit, every);
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

    static Duration limit(ConfirmationConfig config) {
        return config.limitSeconds() > 0 ? Duration.ofSeconds(config.limitSeconds()) : Duration.ofMinutes(Math.max(1, config.minutes()));
    }

    /** How long an agent has from acceptance to confirmation. */
    Duration limit() {
        return limit;
    }

    /** When an order accepted at {@code acceptedAt} is overdue. */
    Instant dueAt(Instant acceptedAt) {
        return acceptedAt.plus(limit);
    }

    /** One pass, never throwing, so that the schedule goes on. */
    void tick() {
        try {
            markOverdue();
        } catch (RuntimeException e) {
            LOG.warn("The confirmation clock could not check for overdue orders; it tries again next time: {}", e.toString());
        }
    }

    /** Marks every order whose clock ran out; returns how many were marked. */
    int markOverdue() {
        int marked = 0;
        while (true) {
            Instant now = clock.now();
            List<WorkflowTables.Waiting> due = tables.dueForOverdue(now.minus(limit), BATCH);
            int before = marked;
            for (WorkflowTables.Waiting w : due) {
                if (mark(w)) {
                    marked++;
                }
            }
            if (due.size() < BATCH || marked == before) {
                return marked;
            }
        }
    }

    private boolean mark(WorkflowTables.Waiting w) {
        Instant due = dueAt(w.acceptedAt());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("acceptedAt", w.acceptedAt().toString());
        payload.put("due", due.toString());
        payload.put("limitSeconds", limit.getSeconds());
        try {
            orders.append(CLOCK, w.orderId(), RecordDraft.of(RecordKind.CONFIRMATION_OVERDUE, payload));
        } catch (WubuException e) {
            if (OrderLifecycle.WRONG_STATE.equals(e.code())) {
                return false; // confirmed or cancelled since it was read
            }
            throw e;
        }
        notify(w, due);
        return true;
    }

    private void notify(WorkflowTables.Waiting w, Instant due) {
        Notifier n = notifier;
        if (n == null) {
            return;
        }
        n.send(overdueNotice(w, due, clock.now()));
    }

    /** The overdue notice for the people on duty in the role to notify now, or for the whole role. */
    Notification overdueNotice(WorkflowTables.Waiting w, Instant due, Instant now) {
        long late = Math.max(0, Duration.between(due, now).toMinutes());
        String when = due.atZone(clock.zone()).toLocalTime().truncatedTo(ChronoUnit.SECONDS).toString();
        return DutyRecipients.address(roster, notifyRole, now, new DutyRecipients.Message(TOPIC, "order:" + w.orderId(),
                "订单 " + w.orderId() + " 超时未确认",
                "Order " + w.orderId() + " not confirmed in time",
                "订单 " + w.orderId() + "（客户 " + w.customerName() + "）应在 " + when + " 前确认，已超时 " + late + " 分钟。请安排客服立即联系客户。",
                "Order " + w.orderId() + " (customer " + w.customerName() + ") was due for confirmation at " + when + ", "
                        + late + " min ago. Please have an agent call the customer now.",
                "/console/#/orders/" + w.orderId(), Urgency.HIGH));
    }

    /** The role whose member on duty hears of overdue orders. */
    String notifyRole() {
        return notifyRole;
    }
}
