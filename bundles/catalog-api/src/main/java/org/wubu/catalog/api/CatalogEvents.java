package org.wubu.catalog.api;

import org.wubu.platform.api.Topics;

/**
 * EventAdmin topics of the catalog ({@code wubu/catalog/<EVENT>}). Every event carries
 * {@link Topics#ACTOR}, {@link Topics#SUBJECT} (the SKU) and {@link Topics#TIME}.
 */
public final class CatalogEvents {

    /** Property: the SKU. */
    public static final String SKU = "sku";
    /** Property on stock events: the stock after the change (a Long). */
    public static final String STOCK = "stock";
    /** Property on price events: the new price as a decimal string. */
    public static final String PRICE = "price";
    /** Property on {@link #PRODUCT_DELISTED}: the reason ({@link CatalogService#DELIST_NORMAL}). */
    public static final String REASON = "reason";

    public static final String PRODUCT_CREATED = Topics.topic("catalog", "PRODUCT_CREATED");
    public static final String PRODUCT_CHANGED = Topics.topic("catalog", "PRODUCT_CHANGED");
    public static final String PRICE_PROPOSED = Topics.topic("catalog", "PRICE_PROPOSED");
    /** A price proposal was approved and waits to be applied. */
    public static final String PRICE_APPROVED = Topics.topic("catalog", "PRICE_APPROVED");
    /** A new price is in force. */
    public static final String PRICE_CHANGED = Topics.topic("catalog", "PRICE_CHANGED");
    /** Property on promotion events: the promotion id (a Long); their subject is {@code promotion:<id>}. */
    public static final String PROMOTION = "promotion";
    /** The planner proposed a promotion (CAT-4); it waits for the marketing director. */
    public static final String PROMOTION_PROPOSED = Topics.topic("catalog", "PROMOTION_PROPOSED");
    /** A promotion was approved and waits to be applied. */
    public static final String PROMOTION_APPROVED = Topics.topic("catalog", "PROMOTION_APPROVED");
    /** A promotion was applied: it sets prices during its window. */
    public static final String PROMOTION_APPLIED = Topics.topic("catalog", "PROMOTION_APPLIED");
    /** A promotion was rejected by the marketing director. */
    public static final String PROMOTION_REJECTED = Topics.topic("catalog", "PROMOTION_REJECTED");
    /** A promotion was withdrawn or stopped early. */
    public static final String PROMOTION_CANCELLED = Topics.topic("catalog", "PROMOTION_CANCELLED");
    public static final String STOCK_MOVED = Topics.topic("catalog", "STOCK_MOVED");
    /** Stock of a listed product reached 0; it was delisted with reason "normal" (CAT-3). */
    public static final String STOCK_DEPLETED = Topics.topic("catalog", "STOCK_DEPLETED");
    /** Any delisting, normal or abnormal; carries {@link #REASON}. */
    public static final String PRODUCT_DELISTED = Topics.topic("catalog", "PRODUCT_DELISTED");
    /** An approved listing took effect: the product is on sale (CAT-2). */
    public static final String LISTED = Topics.topic("catalog", "LISTED");
    /** An approved abnormal delisting took effect (CAT-3); carries {@link #REASON} ("abnormal: ..."). */
    public static final String DELISTED = Topics.topic("catalog", "DELISTED");

    private CatalogEvents() {
    }
}
