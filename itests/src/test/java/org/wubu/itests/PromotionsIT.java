package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.wubu.catalog.api.CatalogLookup;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Offer;
import org.wubu.catalog.api.PromotionService;
import org.wubu.catalog.api.StockLine;
import org.wubu.catalog.api.StockMovement;
import org.wubu.catalog.api.StockReservations;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.WubuException;

/**
 * Promotions (CAT-4) on the real assembly in demo mode with the real roles: the planner proposes, cannot
 * approve their own promotion, the marketing director approves in the approval engine, the price stays
 * until the content specialist applies it, then {@code /api/catalog/offers} shows the effective price
 * during the window; an overlapping proposal is refused naming the conflict. And the orders' API:
 * {@code StockReservations.reserveAll} with one impossible line leaves every stock unchanged.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PromotionsIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"));
    }

    @Before
    public void demoAccountsReady() {
        waitForDemoAccounts();
        waitForHttp200As("planner", "/api/catalog/promotions", WAIT);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}]+)").matcher(json);
        assertTrue(name + " in " + json, m.find());
        return m.group(1).replace("\"", "");
    }

    private static String effectivePrice(String offersJson) {
        Matcher m = Pattern.compile("\"effectivePrice\":\\{\"amount\":\"([0-9.]+)\"").matcher(offersJson);
        assertTrue(offersJson, m.find());
        return m.group(1);
    }

    /** A category of this test, created unless it exists (products must be filed in existing categories). */
    private static void category(String path) {
        HttpResult c = http("POST", "/api/catalog/categories", "{\"path\":\"" + path + "\",\"nameZh\":\"测试 " + path
                + "\",\"nameEn\":\"Test " + path + "\",\"sortOrder\":900}", as("specialist"));
        assertTrue(c.toString(), c.status() == 201 || c.status() == 409);
    }

    /** A product of this test with stock, created and received over REST (its category is created first). */
    private static void product(String sku, String category, String price, int stock) {
        String parent = null;
        for (String part : category.split("/")) {
            parent = parent == null ? part : parent + "/" + part;
            category(parent);
        }
        HttpResult created = http("POST", "/api/catalog/products", "{\"sku\":\"" + sku + "\",\"titleZh\":\"促销测试 " + sku
                + "\",\"titleEn\":\"Promotion test " + sku + "\",\"category\":\"" + category + "\",\"price\":{\"amount\":\"" + price
                + "\",\"currency\":\"CNY\"}}", as("specialist"));
        assertEquals(created.toString(), 201, created.status());
        HttpResult receipt = http("POST", "/api/catalog/products/" + sku + "/stock-movements",
                "{\"kind\":\"RECEIPT\",\"quantity\":" + stock + ",\"why\":\"IT delivery\"}", as("warehouse"));
        assertEquals(receipt.toString(), 201, receipt.status());
    }

    private static String awaitPromotionStatus(String id, String status) {
        String body = waitForAnswer("promotion " + id + " to be " + status, "planner", "/api/catalog/promotions/" + id,
                Duration.ofSeconds(20), r -> field(r.body(), "status").equals(status)).body();
        assertEquals(body, status, field(body, "status"));
        return body;
    }

    @Test
    public void thePlannerProposesTheDirectorApprovesAndTheOfferChangesOnlyWhenTheSpecialistApplies() {
        product("IT-PROMO-1", "it-promo/tea", "100.00", 10);
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(7, ChronoUnit.DAYS);
        String proposal = "{\"nameZh\":\"集成测试 春茶节\",\"nameEn\":\"IT spring tea festival\",\"kind\":\"PERCENT\",\"percentOff\":15,"
                + "\"skus\":[\"IT-PROMO-1\"],\"startAt\":\"" + start + "\",\"endAt\":\"" + end + "\"}";
        assertEquals("the specialist does not propose promotions", 403,
                http("POST", "/api/catalog/promotions", proposal, as("specialist")).status());
        HttpResult proposed = http("POST", "/api/catalog/promotions", proposal, as("planner"));
        assertEquals(proposed.toString(), 201, proposed.status());
        assertEquals("PENDING", field(proposed.body(), "status"));
        String id = field(proposed.body(), "id");
        String approvalId = field(proposed.body(), "approvalId");
        HttpResult request = http("GET", "/api/approvals/" + approvalId, null, as("director"));
        assertTrue(request.body(), request.body().contains("\"kind\":\"" + PromotionService.KIND + "\""));

        HttpResult own = http("POST", "/api/approvals/" + approvalId + "/decision", "{\"decision\":\"approve\",\"comment\":\"ok\"}",
                as("planner"));
        assertEquals("the planner cannot approve their own promotion: " + own, 409, own.status());
        HttpResult early = http("POST", "/api/catalog/promotions/" + id + "/apply", null, as("specialist"));
        assertEquals("not approved yet: " + early, 409, early.status());
        assertTrue(early.body(), early.body().contains(CatalogService.NOT_APPROVED));

        HttpResult approved = http("POST", "/api/approvals/" + approvalId + "/decision",
                "{\"decision\":\"approve\",\"comment\":\"ok for spring\"}", as("director"));
        assertEquals(approved.toString(), 200, approved.status());
        awaitPromotionStatus(id, "APPROVED_AWAITING_APPLY");
        String before = http("GET", "/api/catalog/offers?sku=IT-PROMO-1", null, as("planner")).body();
        assertEquals("approved, not applied: the price stays", "100.00", effectivePrice(before));
        assertEquals("null", field(before, "promotionId"));

        assertEquals(403, http("POST", "/api/catalog/promotions/" + id + "/apply", null, as("planner")).status());
        HttpResult applied = http("POST", "/api/catalog/promotions/" + id + "/apply", null, as("specialist"));
        assertEquals(applied.toString(), 200, applied.status());
        assertEquals("ACTIVE", field(applied.body(), "status"));

        HttpResult during = http("GET", "/api/catalog/offers?sku=IT-PROMO-1&sku=NO-SUCH-SKU", null, as("agent"));
        assertEquals(during.toString(), 200, during.status());
        assertEquals("85.00", effectivePrice(during.body()));
        assertEquals(id, field(during.body(), "promotionId"));
        assertTrue(during.body(), during.body().contains("\"listPrice\":{\"amount\":\"100.00\",\"currency\":\"CNY\"}")
                && during.body().contains("\"missing\":[\"NO-SUCH-SKU\"]"));
        String beforeStart = http("GET", "/api/catalog/offers/IT-PROMO-1?at=" + start.minusSeconds(60), null, as("planner")).body();
        assertEquals("before its start the list price holds", "100.00", effectivePrice(beforeStart));
        assertEquals(403, http("GET", "/api/catalog/offers?sku=IT-PROMO-1", null, as("delivery")).status());

        Offer offer = waitForService(CatalogLookup.class, null, WAIT)
                .offer(new Caller("it-orders", Set.of(), Set.of(CatalogService.READ)), "IT-PROMO-1", null).orElseThrow();
        assertEquals("85.00", offer.effectivePrice().amount().toPlainString());

        // An overlapping proposal on the same product (here through a category) is refused, naming the conflict.
        HttpResult overlap = http("POST", "/api/catalog/promotions", "{\"nameZh\":\"类目促销\",\"nameEn\":\"Category sale\","
                + "\"kind\":\"FIXED_PRICE\",\"fixedPrice\":{\"amount\":\"50.00\",\"currency\":\"CNY\"},\"categories\":[\"it-promo\"],"
                + "\"startAt\":\"" + end.minus(1, ChronoUnit.DAYS) + "\",\"endAt\":\"" + end.plus(3, ChronoUnit.DAYS) + "\"}", as("planner"));
        assertEquals(overlap.toString(), 409, overlap.status());
        assertTrue(overlap.body(), overlap.body().contains("\"error\":\"" + PromotionService.OVERLAP + "\"")
                && overlap.body().contains("promotion " + id + " \\\"集成测试 春茶节 / IT spring tea festival\\\"")
                && overlap.body().contains("IT-PROMO-1"));
        HttpResult list = http("GET", "/api/catalog/promotions?status=active&sku=IT-PROMO-1", null, as("planner"));
        assertTrue(list.body(), list.body().startsWith("{\"items\":[{\"id\":" + id + ","));

        HttpResult audit = http("GET", "/api/audit?subject=promotion:" + id + "&limit=50", null, as("it"));
        assertTrue(audit.body(), audit.body().contains("catalog.promotion.proposed") && audit.body().contains("catalog.promotion.approved")
                && audit.body().contains("catalog.promotion.applied"));
    }

    @Test
    public void reserveAllWithOneImpossibleLeavesEveryStockUnchanged() {
        product("IT-RES-1", "it-res", "10.00", 10);
        product("IT-RES-2", "it-res", "20.00", 3);
        StockReservations reservations = waitForService(StockReservations.class, null, WAIT);
        Caller orders = new Caller("it-orders", Set.of(), Set.of(CatalogService.READ, CatalogService.STOCK_RESERVE));
        try {
            reservations.reserveAll(orders, "IT order 1", List.of(new StockLine("IT-RES-1", 2), new StockLine("IT-RES-2", 4)));
            fail("4 units of IT-RES-2 are not there");
        } catch (WubuException e) {
            assertEquals(CatalogService.INSUFFICIENT_STOCK, e.code());
            assertEquals("IT-RES-2", e.details().get("sku"));
            assertEquals(3L, e.details().get("available"));
        }
        assertEquals("10", field(http("GET", "/api/catalog/products/IT-RES-1", null, as("warehouse")).body(), "stock"));
        assertEquals("3", field(http("GET", "/api/catalog/products/IT-RES-2", null, as("warehouse")).body(), "stock"));
        String ledger = http("GET", "/api/catalog/products/IT-RES-1/stock-movements", null, as("warehouse")).body();
        assertTrue(ledger, !ledger.contains("RESERVATION"));

        List<StockMovement> done = reservations.reserveAll(orders, "IT order 2",
                List.of(new StockLine("IT-RES-2", 3), new StockLine("IT-RES-1", 2)));
        assertEquals(2, done.size());
        assertEquals("8", field(http("GET", "/api/catalog/products/IT-RES-1", null, as("warehouse")).body(), "stock"));
        assertEquals("0", field(http("GET", "/api/catalog/products/IT-RES-2", null, as("warehouse")).body(), "stock"));
        assertTrue(http("GET", "/api/catalog/products/IT-RES-1/stock-movements", null, as("warehouse")).body()
                .contains("\"kind\":\"RESERVATION\",\"quantity\":2,\"change\":-2,\"stockAfter\":8"));
    }
}
