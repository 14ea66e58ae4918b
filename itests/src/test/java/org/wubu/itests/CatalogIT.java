package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayInputStream;
import java.time.Duration;
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
import org.wubu.catalog.api.CatalogService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.media.MediaKind;
import org.wubu.platform.api.media.MediaStore;

/**
 * The catalog on the real assembly in demo mode, over REST with the real roles: a price change
 * (CAT-1) proposed by the planner, refused to the planner as decider, approved by the marketing
 * director, and in force only once the content specialist applies it; stock reaching 0 through a
 * sale delists the product with reason "normal" (CAT-3); a stale edit is a 409; listing (CAT-2, CAT-7)
 * is refused naming what is missing and takes effect only when the marketing director approves;
 * abnormal delisting (CAT-3) needs the department lead; {@code catalog:stock} shows the stock.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CatalogIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"));
    }

    @Before
    public void demoDataReady() {
        waitForDemoProducts();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}]+)").matcher(json);
        assertTrue(name + " in " + json, m.find());
        return m.group(1).replace("\"", "");
    }

    private static String price(String productJson) {
        Matcher m = Pattern.compile("\"price\":\\{\"amount\":\"([0-9.]+)\",\"currency\":\"CNY\"\\}").matcher(productJson);
        assertTrue(productJson, m.find());
        return m.group(1);
    }

    @Test
    public void thePlannerProposesTheDirectorApprovesAndThePriceChangesOnlyWhenTheSpecialistApplies() {
        String sku = "TEA-LJ-250";
        assertEquals("268.00", price(http("GET", "/api/catalog/products/" + sku, null, as("planner")).body()));

        HttpResult proposed = http("POST", "/api/catalog/products/" + sku + "/price-proposals",
                "{\"newPrice\":{\"amount\":\"248.00\",\"currency\":\"CNY\"},\"competitor\":\"天猫 茶叶旗舰店\","
                        + "\"theirPrice\":{\"amount\":\"239.00\",\"currency\":\"CNY\"},\"whereSeen\":\"https://tmall.example/item/42\","
                        + "\"seenAt\":\"2026-01-05T10:00:00+08:00\",\"reason\":\"match the Tmall price for the spring campaign\"}",
                as("planner"));
        assertEquals(proposed.toString(), 201, proposed.status());
        assertEquals("PENDING", field(proposed.body(), "status"));
        String proposalId = field(proposed.body(), "id");
        String approvalId = field(proposed.body(), "approvalId");

        HttpResult incomplete = http("POST", "/api/catalog/products/" + sku + "/price-proposals",
                "{\"newPrice\":{\"amount\":\"1.00\",\"currency\":\"CNY\"},\"reason\":\"x\"}", as("planner"));
        assertEquals(incomplete.toString(), 400, incomplete.status());
        assertTrue(incomplete.body(), incomplete.body().contains("competitor") && incomplete.body().contains("seenAt"));

        HttpResult own = http("POST", "/api/approvals/" + approvalId + "/decision",
                "{\"decision\":\"approve\",\"comment\":\"ok\"}", as("planner"));
        assertEquals("the planner cannot approve their own price: " + own, 409, own.status());

        HttpResult early = http("POST", "/api/catalog/price-proposals/" + proposalId + "/apply", null, as("specialist"));
        assertEquals("not approved yet: " + early, 409, early.status());
        assertTrue(early.body(), early.body().contains(CatalogService.NOT_APPROVED));

        HttpResult approved = http("POST", "/api/approvals/" + approvalId + "/decision",
                "{\"decision\":\"approve\",\"comment\":\"ok for spring\"}", as("director"));
        assertEquals(approved.toString(), 200, approved.status());
        assertEquals("approved, not applied: the price stays", "268.00",
                price(http("GET", "/api/catalog/products/" + sku, null, as("planner")).body()));
        assertEquals("APPROVED_AWAITING_APPLY",
                field(http("GET", "/api/catalog/price-proposals/" + proposalId, null, as("planner")).body(), "status"));

        assertEquals(403, http("POST", "/api/catalog/price-proposals/" + proposalId + "/apply", null, as("planner")).status());
        HttpResult applied = http("POST", "/api/catalog/price-proposals/" + proposalId + "/apply", null, as("specialist"));
        assertEquals(applied.toString(), 200, applied.status());
        assertEquals("248.00", price(applied.body()));
        assertEquals("248.00", price(http("GET", "/api/catalog/products/" + sku, null, as("warehouse")).body()));

        HttpResult history = http("GET", "/api/catalog/products/" + sku + "/price-history", null, as("planner"));
        assertEquals(history.toString(), 200, history.status());
        assertTrue(history.body(), history.body().startsWith("{\"items\":[{\"id\":"));
        assertTrue(history.body(), history.body().contains("\"oldPrice\":{\"amount\":\"268.00\",\"currency\":\"CNY\"},"
                + "\"newPrice\":{\"amount\":\"248.00\",\"currency\":\"CNY\"},\"changedBy\":\"specialist\""));
        assertTrue(history.body(), history.body().contains("\"proposalId\":" + proposalId));

        HttpResult audit = http("GET", "/api/audit?subject=product:" + sku + "&limit=50", null, as("it"));
        assertTrue(audit.body(), audit.body().contains("catalog.price.proposed") && audit.body().contains("catalog.price.approved")
                && audit.body().contains("catalog.price.applied"));
    }

    @Test
    public void aSaleThatEmptiesTheStockDelistsTheProductWithReasonNormal() {
        String sku = "MUG-CER-01";
        String product = http("GET", "/api/catalog/products/" + sku, null, as("warehouse")).body();
        assertEquals("LISTED", field(product, "status"));
        long stock = Long.parseLong(field(product, "stock"));
        assertTrue(stock > 0);

        HttpResult tooMany = http("POST", "/api/catalog/products/" + sku + "/stock-movements",
                "{\"kind\":\"SALE\",\"quantity\":" + (stock + 1) + ",\"why\":\"order too big\"}", as("warehouse"));
        assertEquals(tooMany.toString(), 409, tooMany.status());
        assertTrue(tooMany.body(), tooMany.body().contains(CatalogService.INSUFFICIENT_STOCK));

        HttpResult sale = http("POST", "/api/catalog/products/" + sku + "/stock-movements",
                "{\"kind\":\"SALE\",\"quantity\":" + stock + ",\"why\":\"order IT-1\"}", as("warehouse"));
        assertEquals(sale.toString(), 201, sale.status());
        assertEquals("0", field(sale.body(), "stockAfter"));

        String after = http("GET", "/api/catalog/products/" + sku, null, as("warehouse")).body();
        assertEquals("DELISTED", field(after, "status"));
        assertEquals("normal", field(after, "delistReason"));
        assertEquals("0", field(after, "stock"));

        String ledger = http("GET", "/api/catalog/products/" + sku + "/stock-movements", null, as("warehouse")).body();
        assertTrue(ledger, ledger.contains("\"kind\":\"SALE\",\"quantity\":" + stock + ",\"change\":-" + stock + ",\"stockAfter\":0"));
        HttpResult audit = http("GET", "/api/audit?subject=product:" + sku + "&action=catalog.product.delisted", null, as("it"));
        assertTrue(audit.body(), audit.body().contains("reason normal"));
    }

    @Test
    public void aStaleEditIsA409ThatSaysWhoChangedIt() {
        String sku = "TEA-BLC-100";
        String product = http("GET", "/api/catalog/products/" + sku, null, as("designer")).body();
        String version = field(product, "version");
        String edit = "{\"titleZh\":\"洞庭碧螺春 明前 100克\",\"titleEn\":\"Dongting Biluochun, pre-Qingming, 100 g\","
                + "\"category\":\"tea/green\",\"version\":" + version + "}";
        HttpResult first = http("PUT", "/api/catalog/products/" + sku, edit, as("designer"));
        assertEquals(first.toString(), 200, first.status());
        HttpResult stale = http("PUT", "/api/catalog/products/" + sku, edit, as("specialist"));
        assertEquals(stale.toString(), 409, stale.status());
        assertTrue(stale.body(), stale.body().contains("\"error\":\"conflict\"") && stale.body().contains("changed by designer at")
                && stale.body().contains("reload"));
        assertEquals(403, http("PUT", "/api/catalog/products/" + sku, edit, as("planner")).status());
        HttpResult page = http("GET", "/api/catalog/products?status=listed&limit=5&q=tea", null, as("planner"));
        assertEquals(page.toString(), 200, page.status());
        assertTrue(page.body(), page.body().contains("\"next\":\"TEA-"));
    }

    /** Polls a product until its status is the expected one (the engine may apply after answering). */
    private String awaitStatus(String sku, String status) {
        String body = waitForAnswer(sku + " to be " + status, "warehouse", "/api/catalog/products/" + sku,
                Duration.ofSeconds(20), r -> field(r.body(), "status").equals(status)).body();
        assertEquals(body, status, field(body, "status"));
        return body;
    }

    private static HttpResult decide(String approvalId, String user) {
        return http("POST", "/api/approvals/" + approvalId + "/decision", "{\"decision\":\"approve\",\"comment\":\"ok\"}", as(user));
    }

    @Test
    public void listingIsRefusedNamingWhatIsMissingAndNeedsTheDirector() {
        HttpResult created = http("POST", "/api/catalog/products", "{\"sku\":\"IT-NEW-1\",\"titleZh\":\"测试新品\","
                + "\"titleEn\":\"IT new product\",\"category\":\"gifts/crafts\",\"price\":{\"amount\":\"19.90\",\"currency\":\"CNY\"}}",
                as("specialist"));
        assertEquals(created.toString(), 201, created.status());

        HttpResult refused = http("POST", "/api/catalog/products/IT-NEW-1/listing-requests", "{\"reason\":\"new range\"}", as("planner"));
        assertEquals(refused.toString(), 400, refused.status());
        assertTrue(refused.body(), refused.body().contains("\"stock\":\"missing: stock above 0\""));
        assertEquals(403, http("POST", "/api/catalog/products/IT-NEW-1/listing-requests", "{}", as("designer")).status());

        HttpResult receipt = http("POST", "/api/catalog/products/IT-NEW-1/stock-movements",
                "{\"kind\":\"RECEIPT\",\"quantity\":12,\"why\":\"first delivery\"}", as("warehouse"));
        assertEquals(receipt.toString(), 201, receipt.status());
        // CAT-7 wants an image too (uploads over HTTP: MediaIT).
        MediaStore media = waitForService(MediaStore.class, null, WAIT);
        String mediaId = media.store(Caller.SYSTEM, MediaKind.IMAGE, "it-new-1.png", "image/png", new ByteArrayInputStream(TINY_PNG)).id();
        assertEquals(201, http("POST", "/api/catalog/images/IT-NEW-1", "{\"mediaId\":\"" + mediaId + "\"}", as("specialist")).status());
        HttpResult requested = http("POST", "/api/catalog/products/IT-NEW-1/listing-requests", "{\"reason\":\"new range\"}",
                as("planner"));
        assertEquals(requested.toString(), 201, requested.status());
        String approvalId = field(requested.body(), "approvalId");
        assertEquals("DRAFT", field(http("GET", "/api/catalog/products/IT-NEW-1", null, as("planner")).body(), "status"));

        assertEquals("the planner cannot approve their own listing", 409, decide(approvalId, "planner").status());
        assertEquals("the lead does not decide listings", 409, decide(approvalId, "lead").status());
        assertEquals("DRAFT", field(http("GET", "/api/catalog/products/IT-NEW-1", null, as("planner")).body(), "status"));
        HttpResult approved = decide(approvalId, "director");
        assertEquals(approved.toString(), 200, approved.status());
        String listed = awaitStatus("IT-NEW-1", "LISTED");
        assertEquals("12", field(listed, "stock"));
        HttpResult audit = http("GET", "/api/audit?subject=product:IT-NEW-1&limit=50", null, as("it"));
        assertTrue(audit.body(), audit.body().contains("catalog.listing.requested") && audit.body().contains("catalog.product.listed"));
    }

    @Test
    public void abnormalDelistingNeedsTheLead() {
        String sku = "TEA-PE-357";
        assertEquals("LISTED", field(http("GET", "/api/catalog/products/" + sku, null, as("specialist")).body(), "status"));
        HttpResult noReason = http("POST", "/api/catalog/products/" + sku + "/delisting-requests", "{\"reason\":\"\"}", as("specialist"));
        assertEquals(noReason.toString(), 400, noReason.status());
        assertTrue(noReason.body(), noReason.body().contains("\"reason\":\"missing\""));
        assertEquals(403, http("POST", "/api/catalog/products/" + sku + "/delisting-requests", "{\"reason\":\"x\"}",
                as("planner")).status());

        HttpResult requested = http("POST", "/api/catalog/products/" + sku + "/delisting-requests",
                "{\"reason\":\"supplier recall of batch 2026-11\"}", as("specialist"));
        assertEquals(requested.toString(), 201, requested.status());
        String approvalId = field(requested.body(), "approvalId");

        HttpResult own = decide(approvalId, "specialist");
        assertEquals("the specialist cannot approve their own delisting: " + own, 409, own.status());
        assertEquals("the marketing director is not the lead", 409, decide(approvalId, "director").status());
        assertEquals("LISTED", field(http("GET", "/api/catalog/products/" + sku, null, as("specialist")).body(), "status"));

        HttpResult approved = decide(approvalId, "lead");
        assertEquals(approved.toString(), 200, approved.status());
        String delisted = awaitStatus(sku, "DELISTED");
        assertEquals("abnormal: supplier recall of batch 2026-11", field(delisted, "delistReason"));
        assertEquals("25", field(delisted, "stock"));
    }

    @Test
    public void theShellShowsProductsAndStock() {
        String stock = executeCommand("catalog:stock TEA-DHP-125");
        assertTrue(stock, stock.contains("TEA-DHP-125") && stock.contains("Stock: 30 (listed)") && stock.contains("opening stock"));
        String products = executeCommand("catalog:products -s listed -q TEA-DHP");
        assertTrue(products, products.contains("武夷山大红袍 125克") && products.contains("198.00") && !products.contains("TEA-LJ-250"));
        String missing = executeCommand("catalog:stock NO-SUCH-SKU");
        assertTrue(missing, missing.contains("NO-SUCH-SKU"));
    }
}
