package org.wubu.orders.api;

import java.util.List;

/** One page of orders, newest first, and the id to continue before, or null on the last page. */
public record OrderPage(List<OrderSummary> items, Long nextBefore) {

    public OrderPage {
        items = List.copyOf(items);
    }
}
