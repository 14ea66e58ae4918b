package org.wubu.catalog.api.market;

import java.time.Instant;
import org.wubu.platform.api.Money;

/**
 * A recorded competitor price.
 *
 * @param id         record id, increasing
 * @param sku        our product
 * @param competitor who
 * @param price      their price
 * @param whereSeen  a URL or a shop
 * @param seenAt     when it was seen
 * @param note       a note, or null
 * @param recordedBy who recorded it
 * @param recordedAt when
 */
public record CompetitorPrice(long id, String sku, String competitor, Money price, String whereSeen, Instant seenAt,
                              String note, String recordedBy, Instant recordedAt) {
}
