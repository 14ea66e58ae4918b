package org.wubu.orders.api;

import java.util.List;

/**
 * An order as an order source sends it to {@link OrderService#place}.
 *
 * @param customer the customer (name and phone required)
 * @param address  the delivery address (required)
 * @param lines    at least one line; a SKU may appear once
 * @param payment  the payment (method, amount, transaction reference)
 * @param note     the customer's note, or null; shown prominently while the order is handled (ORD-7)
 * @param source   where the order came from, e.g. {@code storefront} or a marketplace's name
 */
public record OrderDraft(Customer customer, String address, List<OrderLineDraft> lines, Payment payment, String note,
                         String source) {

    public OrderDraft {
        lines = lines == null ? null : List.copyOf(lines);
    }
}
