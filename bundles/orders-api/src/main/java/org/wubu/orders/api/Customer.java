package org.wubu.orders.api;

/**
 * Who ordered.
 *
 * @param name  the customer's name as given
 * @param phone the phone number the CS agent calls to confirm (ORD-2)
 */
public record Customer(String name, String phone) {
}
