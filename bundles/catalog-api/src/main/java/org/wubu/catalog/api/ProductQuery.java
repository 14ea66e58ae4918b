package org.wubu.catalog.api;

/**
 * A page of the product list, ordered by SKU (keyset paging).
 *
 * <p>The text is matched word by word (every word must match): a word in Latin letters or digits matches
 * products whose SKU, or a word of the English title, starts with it ({@code tea} finds {@code TEA-LJ-250}
 * and "Gongfu teacup"); Chinese matches any part of the Chinese title of two characters or more
 * ({@code 龙井} finds 西湖龙井茶), and a single Chinese character matches titles that contain it.
 *
 * @param status   only products in this status, or null for all
 * @param text     only products matching this text (see above; case-insensitive), or null
 * @param after    the SKU the previous page ended with ({@link ProductPage#nextAfter()}), or null
 * @param limit    at most this many, 1 .. {@link #MAX_LIMIT}
 * @param category only products in this category or one below it ({@code tea} includes {@code tea/green}), or null
 */
public record ProductQuery(ProductStatus status, String text, String after, int limit, String category) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public ProductQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
        }
    }

    /** A query over every category. */
    public ProductQuery(ProductStatus status, String text, String after, int limit) {
        this(status, text, after, limit, null);
    }
}
