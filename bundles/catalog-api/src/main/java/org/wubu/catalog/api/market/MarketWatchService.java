package org.wubu.catalog.api.market;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.catalog.api.CatalogService;
import org.wubu.platform.api.Caller;

/**
 * Market watch (CAT-8): competitor prices and the weekly summary. Reading needs
 * {@link CatalogService#READ}; recording needs {@link #MARKET_EDIT} (the planner).
 */
@ProviderType
public interface MarketWatchService {

    /** Recording competitor and market information. */
    String MARKET_EDIT = "catalog.market.edit";

    int MAX_RECORDS = 200;
    int DEFAULT_TOP = 10;
    int MAX_TOP = 100;

    /** Records a competitor's price for one of our products. */
    CompetitorPrice record(Caller caller, CompetitorPriceDraft draft);

    /**
     * Competitor prices, newest record first.
     *
     * @param sku    only this product's, or null for all
     * @param before only records with an id below this one (the previous page's last id), or null
     * @param limit  1 .. {@link #MAX_RECORDS}
     */
    List<CompetitorPrice> records(Caller caller, String sku, Long before, int limit);

    /**
     * The summary of one week in the shop's zone.
     *
     * @param week the week, or null for the last full week
     * @param top  how many best-sellers, 1 .. {@link #MAX_TOP}
     */
    WeeklySummary weeklySummary(Caller caller, IsoWeek week, int top);
}
