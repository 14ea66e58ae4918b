package org.wubu.catalog.api;

import org.wubu.platform.api.Money;

/**
 * The payload of a {@link CatalogService#PRICE_CHANGE_KIND} approval request: which proposal, and
 * the change it asks for.
 */
public record PriceChange(long proposalId, String sku, Money currentPrice, Money newPrice, CompetitorEvidence evidence,
                          String reason) {
}
