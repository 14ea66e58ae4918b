package org.wubu.catalog.api.market;

/**
 * A product among the week's best-sellers.
 *
 * @param rank     1 for the best
 * @param sku      the product
 * @param titleZh  its Chinese title
 * @param titleEn  its English title
 * @param quantity units sold that week (the sum of its SALE movements)
 */
public record BestSeller(int rank, String sku, String titleZh, String titleEn, long quantity) {
}
