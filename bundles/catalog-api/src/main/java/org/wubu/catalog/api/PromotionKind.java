package org.wubu.catalog.api;

/** How a promotion sets the price (CAT-4). */
public enum PromotionKind {
    /** A percentage off the list price, 1 to 99. */
    PERCENT,
    /** A fixed promotional price (never above the list price: a promotion does not raise a price). */
    FIXED_PRICE
}
