package org.wubu.orders.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderLifecycle;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.OrderState;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.notify.Notifier;
import org.wubu.platform.api.notify.Urgency;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.roster.api.DutyRoster;

/**
 * Confirming orders with the customer (ORD-2): the agent records who called (the caller), how
 * (phone, chat, SMS), the result and a note. "confirmed" appends CONFIRMED, which stops the clock.
 * "unreachable" and "rejected" do not confirm the order: they are recorded as a NOTE (so the attempt
 * shows on the timeline and the clock keeps running), and a rejection notifies the CS manager, who may
 * cancel the order (agents cannot). Also the queue of orders waiting for their call and the report of
 * confirmation times per agent.
 */
@Component(service = Confirmations.class)
public class Confirmations {

    static final Set<String> CHANNELS = Set.of("phone", "chat", "sms");
    static final Set<String> RESULTS = Set.of("confirmed", "unreachable", "rejected");
    static final int MAX_NOTE = 2000;
    /** Longest report period. */
    static final Duration MAX_PERIOD = Duration.ofDays(93);
    /** Most confirmations one report reads. */
    static final int MAX_SAMPLES = 100_000;
    static final int MAX_QUEUE = 200;

    /** What the agent reports. */
    record Input(String channel, String result, String note) {
    }

    /** What was recorded: the record, and whether the order is now confirmed. */
    record Outcome(OrderRecord record, boolean confirmed) {
    }

    private final OrderService orders;
    private final ConfirmationClock confirmationClock;
    private final ShopClock clock;
    private final WorkflowTables tables;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Notifier notifier;

    /** Who is on duty: a rejection goes to the CS manager on duty (all CS managers when the roster names nobody). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile DutyRoster roster;

    @Activate
    public Confirmations(@Reference OrderService orders, @Reference ConfirmationClock confirmationClock, @Reference ShopClock clock,
                         @Reference(target = "(osgi.jndi.service.name=wubu)") DataSource dataSource,
                         @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.orders)") SchemaReady schema) {
        this(orders, confirmationClock, clock, new WorkflowTables(dataSource));
    }

    Confirmations(OrderService orders, ConfirmationClock confirmationClock, ShopClock clock, WorkflowTables tables) {
        this.orders = orders;
        this.confirmationClock = confirmationClock;
        this.clock = clock;
        this.tables = tables;
    }

    Duration limit() {
        return confirmationClock.limit();
    }

    Instant dueAt(Instant acceptedAt) {
        return confirmationClock.dueAt(acceptedAt);
    }

    Outcome confirm(Caller caller, long orderId, Input in) {
        caller.require(OrderService.CONFIRM);
        Input input = validate(in);
        Order order = orders.find(caller, orderId).orElseThrow(() -> new NotFoundException("order", Long.toString(orderId)));
        OrderState state = order.status().state();
        if (state != OrderState.NEW && state != OrderState.ACCEPTED) {
            throw new WubuException(OrderLifecycle.WRONG_STATE, "order " + orderId + " is " + state
                    + ": only an accepted order waits for its confirmation call", Map.of("state", state.name()));
        }
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("channel", input.channel());
        attempt.put("result", input.result());
        if (input.note() != null) {
            attempt.put("note", input.note());
        }
        if (input.result().equals("confirmed")) {
            Instant accepted = order.status().acceptedAt();
            if (accepted != null) {
                attempt.put("withinLimit", !clock.now().isAfter(dueAt(accepted)));
            }
            return new Outcome(orders.append(caller, orderId, RecordDraft.of(RecordKind.CONFIRMED, attempt)), true);
        }
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("text", attemptText(input));
        note.put("confirmationAttempt", attempt);
        OrderRecord r = orders.append(caller, orderId, RecordDraft.of(RecordKind.NOTE, note));
        if (input.result().equals("rejected")) {
            notifyRejected(caller, order, input);
        }
        return new Outcome(r, false);
    }

    private static Input validate(Input in) {
        if (in == null) {
            throw new ValidationException("the request needs channel and result", Map.of("channel", "missing", "result", "missing"));
        }
        Map<String, Object> errors = new LinkedHashMap<>();
        String channel = in.channel() == null ? null : in.channel().trim().toLowerCase(Locale.ROOT);
        String result = in.result() == null ? null : in.result().trim().toLowerCase(Locale.ROOT);
        if (channel == null || channel.isEmpty()) {
            errors.put("channel", "missing: phone, chat or sms");
        } else if (!CHANNELS.contains(channel)) {
            errors.put("channel", "must be phone, chat or sms (got '" + in.channel() + "')");
        }
        if (result == null || result.isEmpty()) {
            errors.put("result", "missing: confirmed, unreachable or rejected");
        } else if (!RESULTS.contains(result)) {
            errors.put("result", "must be confirmed, unreachable or rejected (got '" + in.result() + "')");
        }
        String note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
        if (note != null && note.length() > MAX_NOTE) {
            errors.put("note", "longer than " + MAX_NOTE + " characters");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("bad confirmation: " + errors, errors);
        }
        return new Input(channel, result, note);
    }

    private static String attemptText(Input in) {
        String how = switch (in.channel()) {
            case "phone" -> "电话 / phone";
            case "chat" -> "在线 / chat";
            default -> "短信 / SMS";
        };
        String what = in.result().equals("unreachable") ? "联系不上客户 / customer unreachable" : "客户拒绝订单 / customer rejected the order";
        return "确认联系（" + how + "）：" + what + (in.note() == null ? "" : " — " + in.note());
    }

    private void notifyRejected(Caller caller, Order order, Input in) {
        Notifier n = notifier;
        if (n == null) {
            return;
        }
        n.send(DutyRecipients.address(roster, confirmationClock.notifyRole(), clock.now(), new DutyRecipients.Message(
                "orders.confirmation-rejected", "order:" + order.id(),
                "客户拒绝订单 " + order.id(), "Customer rejected order " + order.id(),
                caller.username() + " 确认订单 " + order.id() + " 时客户拒绝" + (in.note() == null ? "" : "：" + in.note()) + "。请决定是否取消订单。",
                caller.username() + " was told by the customer that order " + order.id() + " is not wanted"
                        + (in.note() == null ? "" : ": " + in.note()) + ". Please decide whether to cancel it.",
                "/console/#/orders/" + order.id(), Urgency.HIGH)));
    }

    /** Accepted orders waiting for their call: the overdue ones first, then the others; oldest first in each. */
    List<WorkflowTables.Waiting> queue(Caller caller, int max) {
        caller.require(OrderService.READ);
        int n = Math.max(1, Math.min(max, MAX_QUEUE));
        List<WorkflowTables.Waiting> overdue = tables.waiting(true, null, n);
        List<WorkflowTables.Waiting> waiting = overdue.size() >= n ? List.of() : tables.waiting(false, null, n - overdue.size());
        List<WorkflowTables.Waiting> all = new java.util.ArrayList<>(overdue);
        all.addAll(waiting);
        return all;
    }

    /** The report of confirmations that happened in {@code [from, to)}. */
    ConfirmationStats.Report report(Caller caller, Instant from, Instant to) {
        caller.require(OrderService.READ);
        Map<String, Object> errors = new LinkedHashMap<>();
        if (from == null) {
            errors.put("from", "missing");
        }
        if (to == null) {
            errors.put("to", "missing");
        }
        if (errors.isEmpty() && !from.isBefore(to)) {
            errors.put("to", "must be after from");
        }
        if (errors.isEmpty() && Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            errors.put("to", "the period is at most " + MAX_PERIOD.toDays() + " days");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("bad report period: " + errors, errors);
        }
        return ConfirmationStats.of(tables.confirmations(from, to, MAX_SAMPLES), limit());
    }
}
