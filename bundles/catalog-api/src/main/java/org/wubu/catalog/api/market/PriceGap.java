package org.wubu.catalog.api.market;

import java.math.BigDecimal;
import org.wubu.platform.api.Money;

/**
 * Our current price against a competitor's latest recorded price for one product.
 *
 * @param sku        the product
 * @param titleZh    its Chinese title
 * @param titleEn    its English title
 * @param ourPrice   our price now
 * @param latest     the latest competitor record seen up to the end of the week
 * @param gap        {@code ourPrice - latest.price}: positive when we are dearer
 * @param gapPercent the gap as a percentage of their price, one decimal place; null when their price is 0
 */
public record PriceGap(String sku, String titleZh, String titleEn, Money ourPrice, CompetitorPrice latest, Money gap,
                       BigDecimal gapPercent) {
}
