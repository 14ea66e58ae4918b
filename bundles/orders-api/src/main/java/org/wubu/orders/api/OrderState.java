package org.wubu.orders.api;

/**
 * Where an order stands, derived from its records by {@link OrderLifecycle#fold} (never stored as order data).
 * The usual path: NEW → ACCEPTED → CONFIRMED → PACKED → SHIPPED → DELIVERED; returns and exchanges
 * branch off after shipping; cancellation is possible until the order is shipped.
 */
public enum OrderState {
    /** Created, not yet accepted (only between the CREATED and ACCEPTED records of intake). */
    NEW,
    /** Accepted; waits for a CS agent to confirm it with the customer (ORD-2). */
    ACCEPTED,
    /** Confirmed with the customer; to be packed. */
    CONFIRMED,
    PACKED,
    SHIPPED,
    DELIVERED,
    RETURN_REQUESTED,
    RETURNED,
    EXCHANGED,
    CANCELLED
}
