package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.market.CompetitorPrice;
import org.wubu.catalog.api.market.IsoWeek;
import org.wubu.catalog.api.market.PriceGap;
import org.wubu.catalog.api.market.WeeklySummary;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.testsupport.MovableClock;

/** The demo's competitor prices, on real Derby with the demo products: once, and last week has price gaps. */
public class DemoMarketTest {

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    @Test
    public void theDemoSightingsAreRecordedOnceAndLastWeekShowsPriceGaps() throws Exception {
        for (String[] p : DemoProducts.PRODUCTS) {
            f.catalog.insert(Caller.SYSTEM, new ProductDraft(p[0], p[1], p[2], "", "", "tea", Money.cny(p[4])), ProductStatus.LISTED, 10);
        }
        MarketWatchStore market = new MarketWatchStore(f.emf, new SchemaReady() { }, f.catalog, new MovableClock(f.now), f.audit());

        int written = DemoMarket.ensure(market, f.catalog, f.now.get(), 1_000);
        assertEquals(10, written);
        assertEquals("a second start records nothing", 0, DemoMarket.ensure(market, f.catalog, f.now.get(), 1_000));
        List<CompetitorPrice> all = market.records(DemoMarket.PLANNER, null, null, 50);
        assertEquals(10, all.size());
        CompetitorPrice pdd = all.stream().filter(c -> c.sku().equals("TEA-YX-POT")).findFirst().orElseThrow();
        assertEquals("78 % of our 468.00", Money.cny("365.04"), pdd.price());
        assertTrue(all.stream().allMatch(c -> c.seenAt().isBefore(f.now.get())));

        WeeklySummary lastWeek = market.weeklySummary(DemoMarket.PLANNER, null, 10);
        List<PriceGap> gaps = lastWeek.priceGaps();
        assertFalse("the page's default week shows price gaps: " + lastWeek, gaps.isEmpty());
        assertTrue(gaps.stream().anyMatch(g -> g.sku().equals("TEA-YX-POT")));
        assertEquals(IsoWeek.of(java.time.LocalDate.ofInstant(f.now.get().minusSeconds(7 * 86_400), java.time.ZoneId.of("Asia/Shanghai"))),
                lastWeek.week());
    }
}
