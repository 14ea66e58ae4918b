package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.wubu.catalog.internal.CatalogFixture.DESIGNER;
import static org.wubu.catalog.internal.CatalogFixture.WAREHOUSE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.catalog.api.counts.CountTask;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.testsupport.MovableClock;
import org.wubu.testsupport.ServletCall;

/** /api/catalog/counts and /api/catalog/market over HTTP: paths, bodies, status codes and the CSV answer. */
public class CountsMarketServletTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private CountTasksServlet countsServlet;
    private MarketServlet marketServlet;
    private CountTask task;

    @Before
    public void setUp() {
        MovableClock clock = new MovableClock(f.now);
        CountTaskStore counts = new CountTaskStore(f.emf, new SchemaReady() { }, f.catalog, clock, f.audit());
        countsServlet = new CountTasksServlet(counts, clock);
        marketServlet = new MarketServlet(new MarketWatchStore(f.emf, new SchemaReady() { }, f.catalog, clock, f.audit()), clock);
        for (String sku : new String[] {"TEA-1", "TEA-2"}) {
            f.catalog.insert(Caller.SYSTEM, new ProductDraft(sku, "龙井 " + sku, "Longjing " + sku, "", "", "tea", Money.cny("100.00")),
                    ProductStatus.LISTED, 10);
        }
        task = new CountTaskGeneration(counts, f.catalog, clock, 2, "").check().orElseThrow();
    }

    private JsonNode ok(ServletCall.Answer a, int status) throws IOException {
        assertEquals(a.text(), status, a.status());
        return JSON.readTree(a.text());
    }

    @Test
    public void countsAreListedEnteredAndCompleted() throws Exception {
        JsonNode list = ok(ServletCall.call(countsServlet, "GET", "", WAREHOUSE, null, null), 200);
        JsonNode first = list.path("items").get(0);
        assertEquals(task.id(), first.path("id").asLong());
        assertEquals("2026-11-27", first.path("dueDate").asText());
        assertEquals("OPEN", first.path("status").asText());
        assertTrue(first.path("due").asBoolean());
        assertEquals(false, first.path("overdue").asBoolean());
        assertEquals(2, first.path("lines").asInt());
        assertEquals(2, first.path("open").asInt());
        assertTrue(list.path("next").isNull());
        assertEquals(0, ok(ServletCall.call(countsServlet, "GET", "?status=done", WAREHOUSE, null, null), 200).path("items").size());

        String base = "/" + task.id();
        JsonNode line = ok(ServletCall.call(countsServlet, "POST", base + "/lines", WAREHOUSE,
                "{\"sku\":\"TEA-1\",\"counted\":7,\"note\":\"3 broken\"}", null), 200);
        assertEquals(-3, line.path("difference").asLong());
        assertEquals(10, line.path("bookStock").asLong());
        assertEquals("warehouse", line.path("countedBy").asText());
        assertEquals(StockMovementKind.COUNT_ADJUSTMENT, f.catalog.movements(WAREHOUSE, "TEA-1", null, 1).get(0).kind());

        JsonNode unsettled = ok(ServletCall.call(countsServlet, "POST", base + "/complete", WAREHOUSE, null, null), 409);
        assertEquals("lines-not-settled", unsettled.path("error").asText());
        assertEquals("TEA-2", unsettled.path("details").path("skus").get(0).asText());

        JsonNode empty = ok(ServletCall.call(countsServlet, "POST", base + "/lines", WAREHOUSE, "{\"sku\":\"TEA-2\"}", null), 400);
        assertTrue(empty.path("details").has("counted"));
        ok(ServletCall.call(countsServlet, "POST", base + "/lines", WAREHOUSE, "{\"sku\":\"TEA-2\",\"counted\":1,\"notCounted\":\"x\"}", null), 400);
        ok(ServletCall.call(countsServlet, "POST", base + "/lines", WAREHOUSE, "{\"sku\":\"TEA-2\",\"counted\":\"many\"}", null), 400);
        ok(ServletCall.call(countsServlet, "POST", base + "/lines", DESIGNER, "{\"sku\":\"TEA-2\",\"counted\":10}", null), 403);
        ok(ServletCall.call(countsServlet, "POST", base + "/lines", WAREHOUSE, "{\"sku\":\"NOPE\",\"counted\":10}", null), 404);
        ok(ServletCall.call(countsServlet, "POST", base + "/lines", WAREHOUSE, "{\"sku\":\"TEA-2\",\"notCounted\":\"locked away\"}", null), 200);

        JsonNode done = ok(ServletCall.call(countsServlet, "POST", base + "/complete", WAREHOUSE, null, null), 200);
        assertEquals("DONE", done.path("status").asText());
        assertEquals("warehouse", done.path("completedBy").asText());
        assertEquals(1, done.path("adjusted").asInt());

        JsonNode detail = ok(ServletCall.call(countsServlet, "GET", base, WAREHOUSE, null, null), 200);
        assertEquals("TEA-1", detail.path("items").get(0).path("sku").asText());
        assertEquals("3 broken", detail.path("items").get(0).path("note").asText());
        assertEquals("locked away", detail.path("items").get(1).path("notCountedReason").asText());
        assertEquals("task-done", ok(ServletCall.call(countsServlet, "POST", base + "/lines", WAREHOUSE,
                "{\"sku\":\"TEA-2\",\"counted\":10}", null), 409).path("error").asText());
        ok(ServletCall.call(countsServlet, "GET", "/999", WAREHOUSE, null, null), 404);
        ok(ServletCall.call(countsServlet, "GET", "/x", WAREHOUSE, null, null), 404);
        JsonNode late = ok(ServletCall.call(countsServlet, "GET", "?status=late", WAREHOUSE, null, null), 400);
        assertEquals("unknown", late.path("details").path("status").asText());
        assertTrue(late.path("message").asText(), late.path("message").asText().contains("one of open, done (got 'late')"));
        ok(ServletCall.call(countsServlet, "GET", "", new Caller("delivery", java.util.Set.of(), java.util.Set.of("orders.read")),
                null, null), 403);
    }

    @Test
    public void competitorPricesAndTheWeeklySummaryAsJsonAndCsv() throws Exception {
        Caller planner = MarketWatchTest.PLANNER;
        JsonNode created = ok(ServletCall.call(marketServlet, "POST", "/records", planner, "{\"sku\":\"TEA-1\",\"competitor\":\"天猫\","
                + "\"price\":{\"amount\":\"80.00\",\"currency\":\"CNY\"},\"whereSeen\":\"https://tmall.example/1\","
                + "\"seenAt\":\"2026-11-26T10:00:00+08:00\",\"note\":\"double 11 leftover\"}", null), 201);
        assertEquals("80.00", created.path("price").path("amount").asText());
        assertEquals("2026-11-26T10:00+08:00", created.path("seenAt").asText());
        JsonNode missing = ok(ServletCall.call(marketServlet, "POST", "/records", planner, "{\"sku\":\"TEA-1\"}", null), 400);
        assertTrue(missing.path("details").has("competitor") && missing.path("details").has("price"));
        ok(ServletCall.call(marketServlet, "POST", "/records", WAREHOUSE, "{\"sku\":\"TEA-1\"}", null), 403);
        ok(ServletCall.call(marketServlet, "POST", "/records", planner, "{\"sku\":\"TEA-1\",\"competitor\":\"x\",\"price\":"
                + "{\"amount\":\"1.00\"},\"whereSeen\":\"x\",\"seenAt\":\"yesterday\"}", null), 400);

        JsonNode records = ok(ServletCall.call(marketServlet, "GET", "/records?sku=TEA-1", WAREHOUSE, null, null), 200);
        assertEquals("天猫", records.path("items").get(0).path("competitor").asText());

        f.catalog.recordMovement(WAREHOUSE, "TEA-2", StockMovementKind.SALE, 4, "order 1");
        JsonNode summary = ok(ServletCall.call(marketServlet, "GET", "/summary?week=2026-W48", WAREHOUSE, null, null), 200);
        assertEquals("2026-W48", summary.path("week").asText());
        assertEquals("2026-11-23", summary.path("from").asText());
        assertEquals("2026-11-29", summary.path("to").asText());
        assertEquals(1, summary.path("competitorRecords").asInt());
        assertEquals("TEA-2", summary.path("bestSellers").get(0).path("sku").asText());
        assertEquals(4, summary.path("bestSellers").get(0).path("quantity").asInt());
        JsonNode gap = summary.path("priceGaps").get(0);
        assertEquals("20.00", gap.path("gap").path("amount").asText());
        assertEquals("25.0", gap.path("gapPercent").asText());
        assertEquals("2026-W47", ok(ServletCall.call(marketServlet, "GET", "/summary", WAREHOUSE, null, null), 200).path("week").asText());
        ok(ServletCall.call(marketServlet, "GET", "/summary?week=48", WAREHOUSE, null, null), 400);
        ok(ServletCall.call(marketServlet, "GET", "/summary?top=0", WAREHOUSE, null, null), 400);

        ServletCall.Answer csv = ServletCall.call(marketServlet, "GET", "/summary.csv?week=2026-W48&lang=en", WAREHOUSE, null, null);
        assertEquals(200, csv.status());
        assertEquals("attachment; filename=\"market-summary-2026-W48.csv\"", csv.headers().get("Content-Disposition"));
        assertTrue(csv.text(), csv.text().startsWith("\uFEFFWeek,From,To,Time zone,Competitor price records\r\n2026-W48,"));
        assertTrue(csv.text(), csv.text().contains("\r\n1,TEA-2,龙井 TEA-2,Longjing TEA-2,4\r\n"));
        ServletCall.Answer chinese = ServletCall.call(marketServlet, "GET", "/summary.csv?week=2026-W48", WAREHOUSE, null, "zh-CN,zh;q=0.9");
        assertTrue(chinese.text(), chinese.text().startsWith("\uFEFF周,"));
        ServletCall.Answer english = ServletCall.call(marketServlet, "GET", "/summary.csv?week=2026-W48", WAREHOUSE, null, "en-GB");
        assertTrue(english.text(), english.text().startsWith("\uFEFFWeek,"));
        ok(ServletCall.call(marketServlet, "GET", "/summary.csv?lang=fr", WAREHOUSE, null, null), 400);
        ok(ServletCall.call(marketServlet, "GET", "/nothing", WAREHOUSE, null, null), 404);
    }
}
