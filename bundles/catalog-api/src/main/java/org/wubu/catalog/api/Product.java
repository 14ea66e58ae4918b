package org.wubu.catalog.api;

import java.time.Instant;
import java.util.List;
import org.wubu.platform.api.Money;

/**
 * A product as stored.
 *
 * @param sku           the unique stock-keeping unit, e.g. {@code TEA-LJ-250}
 * @param titleZh       the title in Chinese
 * @param titleEn       the title in English
 * @param descriptionZh the description in Chinese, may be empty
 * @param descriptionEn the description in English, may be empty
 * @param category      the category path, e.g. {@code tea/green} (see {@link CategoryService})
 * @param status        where it stands
 * @param delistReason  why it was delisted ({@link CatalogService#DELIST_NORMAL} when stock ran out), or null
 * @param price         the current price
 * @param stock         units available to sell (never below zero)
 * @param version       the edit version: an edit names the version it started from
 * @param updatedBy     who changed it last
 * @param updatedAt     when
 * @param attributes    its attributes in order (origin, weight, package, ...), never null
 */
public record Product(String sku, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                      String category, ProductStatus status, String delistReason, Money price, long stock, long version,
                      String updatedBy, Instant updatedAt, List<ProductAttribute> attributes) {

    public Product {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** A product without attributes (the shape of API 1.1). */
    public Product(String sku, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                   String category, ProductStatus status, String delistReason, Money price, long stock, long version,
                   String updatedBy, Instant updatedAt) {
        this(sku, titleZh, titleEn, descriptionZh, descriptionEn, category, status, delistReason, price, stock, version,
                updatedBy, updatedAt, List.of());
    }
}
