package org.wubu.orders.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wubu.platform.api.WubuException;

/**
 * The one place that says what an order's records mean: {@link #fold} derives the current
 * {@link OrderStatus} from the records, {@link #check} says whether a record of a kind may follow.
 * The orders service calls {@link #check} before every append, so every area that appends records
 * (confirmation, payment checks, packing, shipping, returns) gets the same rules.
 *
 * <p>Payloads are read only where the fold needs them: {@code text} of a NOTE, {@code reason} of an
 * AMENDMENT, {@code note} of CREATED, {@code flag} (the record id) of a PAYMENT_FLAG_RESOLVED.
 */
public final class OrderLifecycle {

    /** Refusal code: the record does not fit where the order stands (HTTP 409). */
    public static final String WRONG_STATE = "wrong-state";

    private static final Map<RecordKind, EnumSet<OrderState>> ALLOWED = allowed();

    private OrderLifecycle() {
    }

    private static Map<RecordKind, EnumSet<OrderState>> allowed() {
        Map<RecordKind, EnumSet<OrderState>> m = new LinkedHashMap<>();
        EnumSet<OrderState> all = EnumSet.allOf(OrderState.class);
        EnumSet<OrderState> beforeShipping = EnumSet.of(OrderState.NEW, OrderState.ACCEPTED, OrderState.CONFIRMED, OrderState.PACKED);
        EnumSet<OrderState> open = EnumSet.complementOf(EnumSet.of(OrderState.CANCELLED));
        m.put(RecordKind.CREATED, EnumSet.noneOf(OrderState.class));
        m.put(RecordKind.ACCEPTED, EnumSet.of(OrderState.NEW));
        m.put(RecordKind.CONFIRMED, EnumSet.of(OrderState.NEW, OrderState.ACCEPTED));
        m.put(RecordKind.CONFIRMATION_OVERDUE, EnumSet.of(OrderState.NEW, OrderState.ACCEPTED));
        m.put(RecordKind.PAYMENT_VERIFIED, beforeShipping);
        m.put(RecordKind.PAYMENT_FLAGGED, beforeShipping);
        m.put(RecordKind.PAYMENT_FLAG_RESOLVED, open);
        m.put(RecordKind.NOTE, all);
        m.put(RecordKind.PACKED, EnumSet.of(OrderState.CONFIRMED));
        m.put(RecordKind.PACK_MISMATCH, EnumSet.of(OrderState.CONFIRMED));
        m.put(RecordKind.SHIPPED, EnumSet.of(OrderState.PACKED));
        m.put(RecordKind.DELIVERED, EnumSet.of(OrderState.SHIPPED));
        m.put(RecordKind.RETURN_REQUESTED, EnumSet.of(OrderState.SHIPPED, OrderState.DELIVERED, OrderState.EXCHANGED));
        m.put(RecordKind.RETURNED, EnumSet.of(OrderState.RETURN_REQUESTED));
        m.put(RecordKind.EXCHANGED, EnumSet.of(OrderState.DELIVERED, OrderState.RETURN_REQUESTED));
        m.put(RecordKind.GIFT, open);
        m.put(RecordKind.CANCELLED, beforeShipping);
        m.put(RecordKind.AMENDMENT, all);
        return m;
    }

    /** The states in which a record of this kind may be appended. */
    public static Set<OrderState> allowedIn(RecordKind kind) {
        return EnumSet.copyOf(ALLOWED.get(kind));
    }

    /**
     * Throws a {@link WubuException} with code {@link #WRONG_STATE} unless a record of {@code kind}
     * may follow an order whose status is {@code current}: e.g. SHIPPED needs PACKED, and PACKED is
     * refused while a payment flag is open (ORD-6). CREATED never follows anything.
     */
    public static void check(OrderStatus current, RecordKind kind) {
        Set<OrderState> allowed = ALLOWED.get(kind);
        if (!allowed.contains(current.state())) {
            throw new WubuException(WRONG_STATE, kind + " cannot be recorded while the order is " + current.state()
                    + (allowed.isEmpty() ? "" : " (only when " + allowed + ")"),
                    Map.of("state", current.state().name(), "kind", kind.name()));
        }
        if (kind == RecordKind.PACKED && current.paymentFlagged()) {
            throw new WubuException(WRONG_STATE, "the order cannot be packed while its payment is flagged (ORD-6): "
                    + "resolve flag record(s) " + current.openPaymentFlags() + " first",
                    Map.of("state", current.state().name(), "kind", kind.name(), "openPaymentFlags", current.openPaymentFlags()));
        }
    }

    /** The status of an order from its records, oldest first (the first must be CREATED). */
    public static OrderStatus fold(List<OrderRecord> records) {
        if (records.isEmpty() || records.get(0).kind() != RecordKind.CREATED) {
            throw new IllegalArgumentException("an order's records start with CREATED");
        }
        OrderStatus s = null;
        for (OrderRecord r : records) {
            s = s == null ? created(r) : next(s, r);
        }
        return s;
    }

    /** The status right after the CREATED record. */
    public static OrderStatus created(OrderRecord created) {
        List<OrderNote> notes = new ArrayList<>();
        String note = field(created.payload(), "note");
        if (note != null && !note.isBlank()) {
            notes.add(new OrderNote(created.id(), RecordKind.CREATED, created.actor(), created.occurredAt(), note));
        }
        return new OrderStatus(OrderState.NEW, created.sequence(), created.id(), created.occurredAt(), null, null, null,
                false, false, List.of(), notes, List.of());
    }

    /** The status after one more record (folded one at a time, so that a projection can be kept up to date). */
    public static OrderStatus next(OrderStatus s, OrderRecord r) {
        OrderState state = s.state();
        java.time.Instant acceptedAt = s.acceptedAt();
        java.time.Instant confirmedAt = s.confirmedAt();
        String confirmedBy = s.confirmedBy();
        boolean overdue = s.confirmationOverdue();
        boolean verified = s.paymentVerified();
        List<Long> flags = new ArrayList<>(s.openPaymentFlags());
        List<OrderNote> notes = new ArrayList<>(s.notes());
        List<Long> amendments = new ArrayList<>(s.amendments());
        switch (r.kind()) {
            case CREATED -> throw new IllegalArgumentException("CREATED is only the first record of an order");
            case ACCEPTED -> {
                state = OrderState.ACCEPTED;
                acceptedAt = r.occurredAt();
            }
            case CONFIRMED -> {
                state = OrderState.CONFIRMED;
                confirmedAt = r.occurredAt();
                confirmedBy = r.actor();
                overdue = false;
            }
            case CONFIRMATION_OVERDUE -> overdue = true;
            case PAYMENT_VERIFIED -> verified = true;
            case PAYMENT_FLAGGED -> flags.add(r.id());
            case PAYMENT_FLAG_RESOLVED -> {
                String flag = field(r.payload(), "flag");
                if (flag == null) {
                    flags.clear();
                } else {
                    flags.remove(Long.valueOf(flag));
                }
            }
            case NOTE -> notes.add(new OrderNote(r.id(), r.kind(), r.actor(), r.occurredAt(), field(r.payload(), "text")));
            case PACKED -> state = OrderState.PACKED;
            case PACK_MISMATCH, GIFT -> {
                // recorded for the timeline; the order stays where it is
            }
            case SHIPPED -> state = OrderState.SHIPPED;
            case DELIVERED -> state = OrderState.DELIVERED;
            case RETURN_REQUESTED -> state = OrderState.RETURN_REQUESTED;
            case RETURNED -> state = OrderState.RETURNED;
            case EXCHANGED -> state = OrderState.EXCHANGED;
            case CANCELLED -> state = OrderState.CANCELLED;
            case AMENDMENT -> {
                amendments.add(r.id());
                String reason = field(r.payload(), "reason");
                notes.add(new OrderNote(r.id(), r.kind(), r.actor(), r.occurredAt(),
                        "amends record " + r.corrects() + (reason == null ? "" : ": " + reason)));
            }
            default -> throw new IllegalStateException("unknown kind " + r.kind());
        }
        return new OrderStatus(state, r.sequence(), r.id(), r.occurredAt(), acceptedAt, confirmedAt, confirmedBy, overdue,
                verified, flags, notes, amendments);
    }

    /**
     * A top-level string or number field of a canonical JSON payload, or null. Enough for the fold's
     * few fields without a JSON library in the API; values are unescaped for the common escapes.
     */
    static String field(String json, String name) {
        if (json == null) {
            return null;
        }
        String key = "\"" + name + "\":";
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == '"') {
                if (depth == 1 && json.startsWith(key, i)) {
                    return value(json, i + key.length());
                }
                inString = true;
            }
        }
        return null;
    }

    private static String value(String json, int start) {
        if (start >= json.length()) {
            return null;
        }
        char first = json.charAt(start);
        if (first == '"') {
            StringBuilder sb = new StringBuilder();
            for (int i = start + 1; i < json.length(); i++) {
                char c = json.charAt(i);
                if (c == '\\' && i + 1 < json.length()) {
                    char e = json.charAt(++i);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else if (c == '"') {
                    return sb.toString();
                } else {
                    sb.append(c);
                }
            }
            return null;
        }
        int end = start;
        while (end < json.length() && ",}]".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        String v = json.substring(start, end).trim();
        return v.equals("null") ? null : v;
    }
}
