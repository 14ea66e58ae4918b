package org.wubu.orders.api;

/**
 * The answer of {@link OrderService#place}.
 *
 * @param order  the order
 * @param replay true when the idempotency key had already placed this order (same key, same body):
 *               nothing new was created (HTTP 200 instead of 201)
 */
public record Intake(Order order, boolean replay) {
}
