package org.wubu.orders.api;

import org.wubu.platform.api.Money;

/**
 * A line of a stored order, written once at creation.
 *
 * @param lineNo    1, 2, ... in the order the source sent them
 * @param sku       the product
 * @param titleZh   the product's Chinese title at intake (for pick lists and packing)
 * @param titleEn   the product's English title at intake
 * @param quantity  how many
 * @param unitPrice the price charged per unit
 * @param lineTotal quantity × unit price
 */
public record OrderLine(int lineNo, String sku, String titleZh, String titleEn, long quantity, Money unitPrice, Money lineTotal) {
}
