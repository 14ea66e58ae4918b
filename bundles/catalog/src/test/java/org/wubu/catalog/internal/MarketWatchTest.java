package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.wubu.catalog.internal.CatalogFixture.ORDERS;
import static org.wubu.catalog.internal.CatalogFixture.WAREHOUSE;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.catalog.api.market.BestSeller;
import org.wubu.catalog.api.market.CompetitorPrice;
import org.wubu.catalog.api.market.CompetitorPriceDraft;
import org.wubu.catalog.api.market.IsoWeek;
import org.wubu.catalog.api.market.PriceGap;
import org.wubu.catalog.api.market.WeeklySummary;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.testsupport.MovableClock;

/** Market watch (CAT-8) on real Derby: competitor records, best-sellers from the ledger's sales, price gaps, CSV. */
public class MarketWatchTest {

    /** The planner as the role has it: recording market information too. */
    static final Caller PLANNER = new Caller("planner", Set.of("planner"), Set.of("catalog.read", "catalog.market.edit"));

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private MarketWatchStore market;

    @Before
    public void setUp() {
        market = new MarketWatchStore(f.emf, new SchemaReady() { }, f.catalog, new MovableClock(f.now), f.audit());
    }

    private void product(String sku, String price) {
        f.catalog.insert(Caller.SYSTEM, new ProductDraft(sku, "商品 " + sku, "Product " + sku, "", "", "tea", Money.cny(price)),
                ProductStatus.LISTED, 100);
    }

    private CompetitorPrice seen(String sku, String competitor, String price, String seenAt) {
        return market.record(PLANNER, new CompetitorPriceDraft(sku, competitor, Money.cny(price), "https://shop.example/" + sku,
                Instant.parse(seenAt), null));
    }

    private void sell(String sku, long quantity) {
        f.catalog.recordMovement(WAREHOUSE, sku, StockMovementKind.SALE, quantity, "order");
    }

    /** Sales and competitor prices around 2026-W48 (Monday 23 to Sunday 29 November; "now" is Friday the 27th). */
    private void aWeekOfTrade() {
        product("TEA-1", "100.00");
        product("TEA-2", "50.00");
        product("TEA-3", "20.00");
        f.now.set(Instant.parse("2026-11-22T15:59:00Z")); // Sunday 23:59 in Shanghai: W47
        sell("TEA-1", 50);
        f.now.set(Instant.parse("2026-11-22T16:00:00Z")); // Monday 00:00 in Shanghai: W48
        sell("TEA-2", 5);
        f.now.set(MovableClock.START);
        sell("TEA-2", 3);
        sell("TEA-1", 6);
        sell("TEA-3", 1);
        f.catalog.reserve(ORDERS, "TEA-3", 10, "order 77");
        f.catalog.commit(ORDERS, "TEA-3", 10, "order 77"); // a committed reservation is a sale too
        f.catalog.recordMovement(WAREHOUSE, "TEA-1", StockMovementKind.RETURN, 20, "returned"); // not a sale
        seen("TEA-3", "拼多多", "20.00", "2026-11-10T02:00:00Z");
        seen("TEA-1", "京东", "95.00", "2026-11-24T02:00:00Z");
        seen("TEA-1", "天猫", "90.00", "2026-11-26T02:00:00Z");
        seen("TEA-2", "天猫", "55.00", "2026-11-25T02:00:00Z");
    }

    @Test
    public void theWeeklySummaryRanksSalesAndShowsTheLatestCompetitorPrices() {
        aWeekOfTrade();
        WeeklySummary w48 = market.weeklySummary(PLANNER, IsoWeek.parse("2026-W48"), 10);
        assertEquals("2026-W48", w48.week().toString());
        assertEquals(List.of("1 TEA-3 11", "2 TEA-2 8", "3 TEA-1 6"), w48.bestSellers().stream()
                .map(b -> b.rank() + " " + b.sku() + " " + b.quantity()).collect(Collectors.toList()));
        BestSeller best = w48.bestSellers().get(0);
        assertEquals("商品 TEA-3", best.titleZh());
        assertEquals("Product TEA-3", best.titleEn());
        assertEquals(List.of("TEA-3", "TEA-2"), market.weeklySummary(PLANNER, IsoWeek.parse("2026-W48"), 2).bestSellers()
                .stream().map(BestSeller::sku).collect(Collectors.toList()));

        assertEquals(List.of("TEA-1 天猫 100.00-90.00=10.00 11.1%", "TEA-2 天猫 50.00-55.00=-5.00 -9.1%", "TEA-3 拼多多 20.00-20.00=0.00 0.0%"),
                w48.priceGaps().stream().map(MarketWatchTest::gap).collect(Collectors.toList()));
        assertEquals("seen during the week", 3, w48.competitorRecords());

        WeeklySummary lastFullWeek = market.weeklySummary(PLANNER, null, 10);
        assertEquals("2026-W47", lastFullWeek.week().toString());
        assertEquals(List.of("1 TEA-1 50"), lastFullWeek.bestSellers().stream()
                .map(b -> b.rank() + " " + b.sku() + " " + b.quantity()).collect(Collectors.toList()));
        assertEquals("only what was seen before that week ended", List.of("TEA-3 拼多多 20.00-20.00=0.00 0.0%"),
                lastFullWeek.priceGaps().stream().map(MarketWatchTest::gap).collect(Collectors.toList()));
        assertEquals(0, lastFullWeek.competitorRecords());

        assertEquals(List.of(), market.weeklySummary(WAREHOUSE, IsoWeek.parse("2026-W50"), 10).bestSellers());
    }

    private static String gap(PriceGap g) {
        return g.sku() + " " + g.latest().competitor() + " " + g.ourPrice().amount() + "-" + g.latest().price().amount() + "="
                + g.gap().amount() + " " + g.gapPercent() + "%";
    }

    @Test
    public void recordsAreCheckedAuditedAndListedNewestFirst() {
        product("TEA-1", "100.00");
        CompetitorPrice first = seen("TEA-1", "京东", "95.00", "2026-11-24T02:00:00Z");
        CompetitorPrice second = market.record(PLANNER, new CompetitorPriceDraft("TEA-1", " 天猫 ", Money.cny("90.00"), "天猫 茶叶旗舰店",
                Instant.parse("2026-11-26T02:00:00Z"), "with a 10 yuan coupon"));
        assertEquals("天猫", second.competitor());
        assertEquals("planner", second.recordedBy());
        assertEquals("with a 10 yuan coupon", second.note());
        assertNull(first.note());
        assertTrue(f.audited.contains("catalog.market.recorded product:TEA-1"));

        assertEquals(List.of(second.id(), first.id()), ids(market.records(WAREHOUSE, "TEA-1", null, 10)));
        assertEquals(List.of(first.id()), ids(market.records(WAREHOUSE, null, second.id(), 10)));
        assertEquals(List.of(), market.records(WAREHOUSE, "TEA-2", null, 10));

        ValidationException incomplete = assertThrows(ValidationException.class, () -> market.record(PLANNER,
                new CompetitorPriceDraft("TEA-1", " ", null, "", Instant.parse("2026-11-28T02:00:00Z"), null)));
        assertEquals(Set.of("competitor", "price", "whereSeen", "seenAt"), incomplete.details().keySet());
        ValidationException dollars = assertThrows(ValidationException.class, () -> market.record(PLANNER,
                new CompetitorPriceDraft("TEA-1", "Amazon", Money.of("13.00", "USD"), "amazon", MovableClock.START, null)));
        assertEquals(Set.of("price"), dollars.details().keySet());
        assertThrows(NotFoundException.class, () -> seen("NOPE", "京东", "1.00", "2026-11-24T02:00:00Z"));
        assertThrows(PermissionDeniedException.class, () -> market.record(WAREHOUSE, new CompetitorPriceDraft("TEA-1", "京东",
                Money.cny("1.00"), "jd", MovableClock.START, null)));
        assertEquals(2, market.records(PLANNER, null, null, 10).size());
    }

    private static List<Long> ids(List<CompetitorPrice> records) {
        return records.stream().map(CompetitorPrice::id).collect(Collectors.toList());
    }

    @Test
    public void theCsvHasAByteOrderMarkHeadersInTheRequestedLanguageAndNoFormulas() {
        aWeekOfTrade();
        seen("TEA-2", "=HYPERLINK(\"http://evil.example\",\"click\")", "60.00", "2026-11-26T03:00:00Z");
        WeeklySummary w48 = market.weeklySummary(PLANNER, IsoWeek.parse("2026-W48"), 10);

        byte[] zh = WeeklySummaryCsv.write(w48, WeeklySummaryCsv.Language.ZH);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(zh[0], zh[1], zh[2]));
        List<String> lines = Arrays.asList(new String(zh, 3, zh.length - 3, StandardCharsets.UTF_8).split("\r\n", -1));
        assertEquals("周,开始,结束,时区,竞品价格记录数", lines.get(0));
        assertEquals("2026-W48,2026-11-23,2026-11-29,Asia/Shanghai,4", lines.get(1));
        assertEquals("", lines.get(2));
        assertEquals("畅销排名,SKU,中文名称,英文名称,销量", lines.get(3));
        assertEquals("1,TEA-3,商品 TEA-3,Product TEA-3,11", lines.get(4));
        assertEquals("价格差距 SKU,中文名称,英文名称,我方价格,竞争对手,对方价格,差额,差额%,币种,出处,发现时间", lines.get(8));
        assertEquals("TEA-2,商品 TEA-2,Product TEA-2,50.00,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",60.00,-10.00,-16.7,CNY,"
                + "https://shop.example/TEA-2,2026-11-26 11:00", lines.get(9));
        assertEquals("TEA-1,商品 TEA-1,Product TEA-1,100.00,天猫,90.00,10.00,11.1,CNY,https://shop.example/TEA-1,2026-11-26 10:00",
                lines.get(10));

        String en = new String(WeeklySummaryCsv.write(w48, WeeklySummaryCsv.Language.EN), StandardCharsets.UTF_8);
        assertTrue(en, en.startsWith("\uFEFFWeek,From,To,Time zone,Competitor price records\r\n"));
        assertTrue(en, en.contains("\r\nBest-seller rank,SKU,Chinese title,English title,Units sold\r\n"));
    }
}
