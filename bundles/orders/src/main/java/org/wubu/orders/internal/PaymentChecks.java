package org.wubu.orders.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderEvents;
import org.wubu.orders.api.OrderLifecycle;
import org.wubu.orders.api.OrderPage;
import org.wubu.orders.api.OrderQuery;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.OrderState;
import org.wubu.orders.api.OrderSummary;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;
import org.wubu.orders.api.payment.PaymentCheck;
import org.wubu.orders.api.payment.PaymentFacts;
import org.wubu.orders.api.payment.PaymentFlag;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * Runs the payment checks (ORD-6) on every accepted order: each registered {@link PaymentCheck}
 * (whiteboard; the built-in amount-mismatch and duplicate-reference rules and any a partner adds),
 * then appends one PAYMENT_FLAGGED per flag, or PAYMENT_VERIFIED naming the rules that ran when none
 * flags anything. Started by the {@code wubu/orders/ACCEPTED} event, after intake committed; an order
 * that already has a payment check record is left alone, so a repeated event changes nothing. When
 * the component starts it also checks accepted orders that missed their event (the bundle was
 * stopped), up to {@link #CATCH_UP} of them.
 */
@Component(service = {PaymentChecks.class, EventHandler.class}, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + PaymentChecks.ACCEPTED_TOPIC)
public class PaymentChecks implements EventHandler {

    static final String ACCEPTED_TOPIC = "wubu/orders/ACCEPTED";
    static final int CATCH_UP = 1000;
    static final int CATCH_UP_DELAY_SECONDS = 10;
    /** The platform checking payments: it may read orders and record checks, nothing else. */
    static final Caller CHECKER = new Caller("system", Set.of("system"), Set.of(OrderService.READ, OrderService.PAYMENT_VERIFY));

    private static final Logger LOG = LoggerFactory.getLogger(PaymentChecks.class);
    private static final Set<OrderState> CHECKABLE = EnumSet.copyOf(OrderLifecycle.allowedIn(RecordKind.PAYMENT_VERIFIED));

    private record Rule(PaymentCheck check, String id) {
    }

    private final OrderService orders;
    private final PaymentFacts facts;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService catchUp = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wubu-payment-checks-catch-up");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public PaymentChecks(@Reference OrderService orders, @Reference(target = "(osgi.jndi.service.name=wubu)") DataSource dataSource,
                         @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.orders)") SchemaReady schema) {
        this(orders, facts(new WorkflowTables(dataSource)));
        // A little later: the rules (dynamic references) are bound after the constructor returns.
        catchUp.schedule(this::catchUp, CATCH_UP_DELAY_SECONDS, TimeUnit.SECONDS);
    }

    PaymentChecks(OrderService orders, PaymentFacts facts) {
        this.orders = orders;
        this.facts = facts;
    }

    static PaymentFacts facts(WorkflowTables tables) {
        return (ref, orderId) -> tables.ordersWithTransactionRef(ref, orderId, PaymentFacts.MAX_MATCHES);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(PaymentCheck check, Map<String, Object> props) {
        Object id = props.get(PaymentCheck.RULE);
        rules.add(new Rule(check, id == null ? check.getClass().getName() : id.toString()));
    }

    void removeCheck(PaymentCheck check) {
        rules.removeIf(r -> r.check() == check);
    }

    @Deactivate
    void deactivate() {
        catchUp.shutdownNow();
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(OrderEvents.ORDER_ID);
        if (id instanceof Number n) {
            try {
                check(n.longValue());
            } catch (RuntimeException e) {
                LOG.warn("Payment checks of order {} failed; they run again when the orders bundle restarts: {}", n, e.toString());
            }
        }
    }

    /** Checks accepted orders that have no payment check record yet (missed while the bundle was stopped). */
    void catchUp() {
        try {
            Long before = null;
            int seen = 0;
            do {
                OrderPage page = orders.list(CHECKER, new OrderQuery(OrderState.ACCEPTED, before, OrderQuery.MAX_LIMIT));
                for (OrderSummary s : page.items()) {
                    check(s.id());
                }
                seen += page.items().size();
                before = page.nextBefore();
            } while (before != null && seen < CATCH_UP && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            LOG.warn("Catching up payment checks failed: {}", e.toString());
        }
    }

    /**
     * Runs every rule on the order and records the outcome, unless the order was checked already or
     * is past the point where a check makes sense (shipped, cancelled). Returns the records written.
     */
    synchronized List<OrderRecord> check(long orderId) {
        if (rules.isEmpty()) {
            // Not even the built-in rules: recording "verified" would be a lie. The catch-up runs it later.
            LOG.warn("No payment rule is registered; order {} is left unchecked", orderId);
            return List.of();
        }
        Optional<Order> found = orders.find(CHECKER, orderId);
        if (found.isEmpty() || !CHECKABLE.contains(found.get().status().state())) {
            return List.of();
        }
        Order order = found.get();
        List<OrderRecord> records = orders.records(CHECKER, orderId);
        if (records.stream().anyMatch(r -> r.kind() == RecordKind.PAYMENT_VERIFIED || r.kind() == RecordKind.PAYMENT_FLAGGED)) {
            return List.of();
        }
        List<PaymentFlag> flags = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        for (Rule rule : rules) {
            try {
                flags.addAll(rule.check().check(order, facts));
                ran.add(rule.id());
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Payment rule {} failed on order {} and was skipped: {}", rule.id(), orderId, e.toString());
            }
        }
        List<OrderRecord> written = new ArrayList<>();
        try {
            if (flags.isEmpty()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("rules", ran.stream().sorted().toList());
                written.add(orders.append(CHECKER, orderId, RecordDraft.of(RecordKind.PAYMENT_VERIFIED, p)));
            } else {
                for (PaymentFlag f : flags) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("rule", f.rule());
                    p.put("reason", f.reasonEn());
                    p.put("reasonZh", f.reasonZh());
                    p.put("facts", f.facts());
                    written.add(orders.append(CHECKER, orderId, RecordDraft.of(RecordKind.PAYMENT_FLAGGED, p)));
                }
            }
        } catch (WubuException e) {
            if (!OrderLifecycle.WRONG_STATE.equals(e.code())) {
                throw e;
            }
            LOG.info("Order {} moved on before its payment check was recorded: {}", orderId, e.getMessage());
        }
        return written;
    }
}
