package org.wubu.orders.api;

import java.time.Instant;
import java.util.List;

/**
 * The derived view of an order: what {@link OrderLifecycle#fold} makes of its records. Never stored
 * as order data; a projection of it may be kept for fast lists, rebuilt from the records at any time.
 *
 * @param state               where the order stands
 * @param records             how many records it has (its last sequence)
 * @param lastRecordId        the id of its newest record
 * @param lastAt              when its newest record was written
 * @param acceptedAt          when it was accepted (the confirmation clock starts here, ORD-2), or null
 * @param confirmedAt         when a CS agent confirmed it, or null
 * @param confirmedBy         who confirmed it, or null
 * @param confirmationOverdue true once a {@link RecordKind#CONFIRMATION_OVERDUE} was recorded and not yet followed by a confirmation
 * @param paymentVerified     true once a {@link RecordKind#PAYMENT_VERIFIED} was recorded
 * @param openPaymentFlags    the ids of {@link RecordKind#PAYMENT_FLAGGED} records not yet resolved; packing is refused while any is open (ORD-6)
 * @param notes               the customer's note and every NOTE and AMENDMENT reason, oldest first (ORD-7: show them prominently)
 * @param amendments          the ids of the amendment records, oldest first
 */
public record OrderStatus(OrderState state, int records, long lastRecordId, Instant lastAt, Instant acceptedAt,
                          Instant confirmedAt, String confirmedBy, boolean confirmationOverdue, boolean paymentVerified,
                          List<Long> openPaymentFlags, List<OrderNote> notes, List<Long> amendments) {

    public OrderStatus {
        openPaymentFlags = List.copyOf(openPaymentFlags);
        notes = List.copyOf(notes);
        amendments = List.copyOf(amendments);
    }

    /** True while a payment flag is open (ORD-6). */
    public boolean paymentFlagged() {
        return !openPaymentFlags.isEmpty();
    }
}
