package org.wubu.catalog.api.market;

import java.time.Instant;
import org.wubu.platform.api.Money;

/**
 * A competitor's price as someone saw it, to be recorded.
 *
 * @param sku        our product it compares with
 * @param competitor who, e.g. "天猫 茶叶旗舰店" (up to 200 characters)
 * @param price      their price, in the product's currency
 * @param whereSeen  a URL or a shop (up to 500 characters)
 * @param seenAt     when it was seen (not in the future)
 * @param note       optional, e.g. "with a 10% coupon" (up to 1000 characters)
 */
public record CompetitorPriceDraft(String sku, String competitor, Money price, String whereSeen, Instant seenAt, String note) {
}
