package org.wubu.catalog.api;

/**
 * A page of the product list, ordered by SKU (keyset paging).
 *
 * @param status only products in this status, or null for all
 * @param text   only products whose SKU or a title contains this text (case-insensitive), or null
 * @param after  the SKU the previous page ended with ({@link ProductPage#nextAfter()}), or null
 * @param limit  at most this many, 1 .. {@link #MAX_LIMIT}
 */
public record ProductQuery(ProductStatus status, String text, String after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public ProductQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
        }
    }
}
