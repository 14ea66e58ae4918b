package org.wubu.orders.api;

/**
 * A page of the order list, newest first (keyset paging by id, descending).
 *
 * @param state  only orders in this state, or null for all
 * @param before only orders with an id below this ({@link OrderPage#nextBefore()} of the previous page), or null
 * @param limit  at most this many, 1 .. {@link #MAX_LIMIT}
 */
public record OrderQuery(OrderState state, Long before, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public OrderQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
        }
    }
}
