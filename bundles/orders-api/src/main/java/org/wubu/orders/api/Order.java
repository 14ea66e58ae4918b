package org.wubu.orders.api;

import java.time.Instant;
import java.util.List;
import org.wubu.platform.api.Money;

/**
 * An order: the header and lines written once at creation (ORD-5), and its {@link OrderStatus}
 * derived from its records.
 *
 * @param id        the order's number, stable and never reused
 * @param createdAt when it was created (UTC)
 * @param createdBy the account that placed it (the storefront's, a marketplace importer's, or staff)
 * @param source    where it came from, e.g. {@code storefront}
 * @param customer  who ordered
 * @param address   where it goes
 * @param lines     what was ordered
 * @param payment   the payment as reported at intake
 * @param total     the sum of the line totals
 * @param note      the customer's note, or null
 * @param status    where it stands now (the fold of its records)
 */
public record Order(long id, Instant createdAt, String createdBy, String source, Customer customer, String address,
                    List<OrderLine> lines, Payment payment, Money total, String note, OrderStatus status) {

    public Order {
        lines = List.copyOf(lines);
    }
}
