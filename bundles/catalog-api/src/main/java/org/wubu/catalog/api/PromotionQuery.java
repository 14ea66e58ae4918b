package org.wubu.catalog.api;

/**
 * A page of promotions, newest first (keyset paging by id).
 *
 * @param status only promotions in this status (ENDED and ACTIVE are judged at the time of the query), or null
 * @param sku    only promotions covering this product, by SKU or through its category, or null
 * @param before the id the previous page ended with ({@link PromotionPage#nextBefore()}), or null
 * @param limit  at most this many, 1 .. {@link #MAX_LIMIT}
 */
public record PromotionQuery(PromotionStatus status, String sku, Long before, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PromotionQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
        }
    }
}
