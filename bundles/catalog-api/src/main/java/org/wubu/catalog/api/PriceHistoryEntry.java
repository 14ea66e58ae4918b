package org.wubu.catalog.api;

import java.time.Instant;
import org.wubu.platform.api.Money;

/** One price change of a product: from, to, who applied it when, and which proposal it came from (null for the first price). */
public record PriceHistoryEntry(long id, String sku, Money oldPrice, Money newPrice, String changedBy, Instant changedAt,
                                Long proposalId, String reason) {
}
