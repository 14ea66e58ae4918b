package org.wubu.catalog.api.market;

import org.wubu.platform.api.Topics;

/**
 * EventAdmin topics of market watch. Every event carries {@link Topics#ACTOR}, {@link Topics#SUBJECT}
 * (the product, {@code product:<sku>}), {@link Topics#TIME} and {@link #SKU}.
 */
public final class MarketEvents {

    /** Property: the SKU. */
    public static final String SKU = "sku";
    /** Property: the competitor. */
    public static final String COMPETITOR = "competitor";
    /** Property: their price as a decimal string. */
    public static final String PRICE = "price";

    /** A competitor price was recorded. */
    public static final String COMPETITOR_PRICE_RECORDED = Topics.topic("catalog", "COMPETITOR_PRICE_RECORDED");

    private MarketEvents() {
    }
}
