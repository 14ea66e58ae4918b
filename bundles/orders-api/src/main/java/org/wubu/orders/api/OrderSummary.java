package org.wubu.orders.api;

import java.time.Instant;
import org.wubu.platform.api.Money;

/**
 * A row of the order list or board: enough to show and filter without reading the order's records.
 *
 * @param id                  the order
 * @param createdAt           when it was created
 * @param source              where it came from
 * @param customerName        the customer
 * @param total               the order total
 * @param lineCount           how many lines
 * @param state               where it stands
 * @param acceptedAt          start of the confirmation clock, or null
 * @param confirmationOverdue an overdue confirmation was recorded (ORD-2)
 * @param paymentFlagged      a payment flag is open (ORD-6)
 * @param hasNotes            the order carries notes (ORD-7)
 * @param lastAt              when its newest record was written
 */
public record OrderSummary(long id, Instant createdAt, String source, String customerName, Money total, int lineCount,
                           OrderState state, Instant acceptedAt, boolean confirmationOverdue, boolean paymentFlagged,
                           boolean hasNotes, Instant lastAt) {
}
