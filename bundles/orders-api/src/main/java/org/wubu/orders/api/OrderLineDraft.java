package org.wubu.orders.api;

import org.wubu.platform.api.Money;

/**
 * One line of an order being placed.
 *
 * @param sku       the product
 * @param quantity  how many, at least 1
 * @param unitPrice the price the customer was offered; must equal the catalog's effective price at intake
 */
public record OrderLineDraft(String sku, long quantity, Money unitPrice) {
}
