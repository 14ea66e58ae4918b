package org.wubu.catalog.api;

import org.wubu.platform.api.Money;

/**
 * What an editor sends to create or edit a product. On an edit the price is ignored: prices change
 * only through an approved {@link PriceProposal}.
 */
public record ProductDraft(String sku, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                           String category, Money price) {
}
