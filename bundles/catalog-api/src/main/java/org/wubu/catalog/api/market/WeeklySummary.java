package org.wubu.catalog.api.market;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The market summary of one ISO week in the shop's zone (CAT-8).
 *
 * @param week              the week
 * @param zone              the shop's zone the week is taken in
 * @param bestSellers       the products sold most that week, best first
 * @param priceGaps         every product with a competitor record seen up to the week's end, the largest
 *                          gap (in percent, either way) first
 * @param competitorRecords competitor prices seen during the week
 * @param generatedAt       when this summary was computed (our prices are the prices then)
 */
public record WeeklySummary(IsoWeek week, ZoneId zone, List<BestSeller> bestSellers, List<PriceGap> priceGaps,
                            long competitorRecords, Instant generatedAt) {

    public WeeklySummary {
        bestSellers = List.copyOf(bestSellers);
        priceGaps = List.copyOf(priceGaps);
    }
}
