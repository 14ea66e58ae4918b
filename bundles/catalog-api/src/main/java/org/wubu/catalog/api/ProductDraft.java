package org.wubu.catalog.api;

import java.util.List;
import org.wubu.platform.api.Money;

/**
 * What an editor sends to create or edit a product. On an edit the price is ignored: prices change
 * only through an approved {@link PriceProposal}.
 *
 * @param attributes the product's attributes in order; on an edit {@code null} keeps the stored ones
 *                   and an empty list removes them all
 */
public record ProductDraft(String sku, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                           String category, Money price, List<ProductAttribute> attributes) {

    public ProductDraft {
        attributes = attributes == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(attributes));
    }

    /** A draft that leaves the attributes as they are (none when creating). */
    public ProductDraft(String sku, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                        String category, Money price) {
        this(sku, titleZh, titleEn, descriptionZh, descriptionEn, category, price, null);
    }
}
