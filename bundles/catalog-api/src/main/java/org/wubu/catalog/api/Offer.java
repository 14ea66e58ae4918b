package org.wubu.catalog.api;

import org.wubu.platform.api.Money;

/**
 * What a product sells for at a given time: the list price, the effective price after the promotion in
 * effect (if any), and the stock available to sell.
 *
 * @param listed         whether the product is on sale ({@link ProductStatus#LISTED})
 * @param listPrice      the product's price
 * @param effectivePrice the price to charge: the list price, or after the promotion in effect, rounded
 *                       HALF_UP to the currency's minor unit, never below one minor unit (0.01 CNY) and
 *                       never above the list price
 * @param promotionId    the promotion that set the effective price, or null
 * @param stockAvailable units available to sell (reservations already taken off)
 */
public record Offer(String sku, String titleZh, String titleEn, String category, ProductStatus status, boolean listed,
                    Money listPrice, Money effectivePrice, Long promotionId, long stockAvailable) {
}
