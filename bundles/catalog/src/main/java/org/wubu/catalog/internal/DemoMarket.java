package org.wubu.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.market.CompetitorPriceDraft;
import org.wubu.catalog.api.market.MarketWatchService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.ShopClock;

/**
 * Demo mode only: competitor prices the planner "saw" over the last two weeks, so that the market watch
 * page shows price gaps from the start (last week's summary is the page's default). Recorded once through
 * the real service, as the planner, when no competitor price exists yet; waits, bounded, for the demo
 * products that {@link DemoProducts} creates at the same time.
 */
@Component(immediate = true)
public class DemoMarket {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMarket.class);
    private static final long WAIT_MS = 120_000;
    static final Caller PLANNER = new Caller("planner", Set.of("planner"),
            Set.of(CatalogService.READ, MarketWatchService.MARKET_EDIT));

    /** SKU, competitor, where seen, their price as a share of ours in percent, days ago, note. */
    private static final String[][] SIGHTINGS = {
        {"TEA-LJ-250", "天猫 西湖茶叶旗舰店", "https://detail.tmall.com/item.htm?id=demo-lj250", "94", "9", "满 200 减 20 / 200 off 20"},
        {"TEA-LJ-250", "京东自营", "https://item.jd.com/demo-lj250.html", "100", "3", null},
        {"TEA-DHP-125", "天猫 武夷岩茶店", "https://detail.tmall.com/item.htm?id=demo-dhp125", "89", "8", null},
        {"TEA-YX-POT", "拼多多 百亿补贴", "https://mobile.yangkeduo.com/goods.html?goods_id=demo-yx", "78", "7", "百亿补贴价 / subsidised price"},
        {"GFT-BJ-01", "京东 景泰蓝专营店", "https://item.jd.com/demo-bj01.html", "107", "8", null},
        {"SLK-SC-01", "天猫 杭州丝绸旗舰店", "https://detail.tmall.com/item.htm?id=demo-sc01", "92", "9", null},
        {"SLK-SC-01", "抖音 丝绸直播间", "https://haohuo.jinritemai.com/views/product/demo-sc01", "85", "2", "直播间限时价 / live-stream price"},
        {"GRN-WCM-5KG", "京东自营", "https://item.jd.com/demo-wcm5.html", "96", "10", null},
        {"HNY-ZS-500", "淘宝 秦岭蜂场", "https://item.taobao.com/item.htm?id=demo-zs500", "112", "8", null},
        {"BOK-SC-01", "当当 文房四宝", "https://product.dangdang.com/demo-sc01.html", "99", "4", null},
    };

    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> new Thread(r, "wubu-catalog-demo-market"));

    @Activate
    public DemoMarket(@Reference PlatformInfo platform, @Reference MarketWatchService market, @Reference CatalogService catalog,
                      @Reference ShopClock clock) {
        if (platform.isDemo()) {
            starter.execute(() -> {
                try {
                    int n = ensure(market, catalog, clock.now(), WAIT_MS);
                    if (n > 0) {
                        LOG.info("Recorded {} demo competitor prices", n);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.warn("Demo competitor prices could not be recorded: {}", e.getMessage(), e);
                }
            });
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        starter.shutdownNow();
        starter.awaitTermination(30, TimeUnit.SECONDS);
    }

    /**
     * Records the demo sightings of the products that exist, unless a competitor price exists already.
     *
     * @return how many were recorded
     */
    static int ensure(MarketWatchService market, CatalogService catalog, Instant now, long waitMs) throws InterruptedException {
        if (!market.records(PLANNER, null, null, 1).isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        // the products are created by another thread at the same time: wait for the last of them, bounded
        while (catalog.find(PLANNER, SIGHTINGS[SIGHTINGS.length - 1][0]).isEmpty()) {
            if (System.nanoTime() > deadline) {
                LOG.info("No demo products: no demo competitor prices");
                return 0;
            }
            Thread.sleep(500);
        }
        int n = 0;
        for (CompetitorPriceDraft d : drafts(catalog, now)) {
            market.record(PLANNER, d);
            n++;
        }
        return n;
    }

    /** The sightings of products that exist, priced relative to our current price, oldest first. */
    static List<CompetitorPriceDraft> drafts(CatalogService catalog, Instant now) {
        List<String[]> byAge = new ArrayList<>(List.of(SIGHTINGS));
        byAge.sort((a, b) -> Integer.compare(Integer.parseInt(b[4]), Integer.parseInt(a[4])));
        List<CompetitorPriceDraft> out = new ArrayList<>();
        for (String[] s : byAge) {
            Product p = catalog.find(PLANNER, s[0]).orElse(null);
            if (p == null) {
                continue;
            }
            Money ours = p.price();
            BigDecimal theirs = ours.amount().multiply(new BigDecimal(s[3])).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
            out.add(new CompetitorPriceDraft(s[0], s[1], new Money(theirs, ours.currency()), s[2],
                    now.minus(Duration.ofDays(Long.parseLong(s[4]))).minus(Duration.ofHours(2)), s[5]));
        }
        return out;
    }
}
