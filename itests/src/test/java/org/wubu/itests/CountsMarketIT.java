package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Stock counts (CAT-5) and market watch (CAT-8) on the real assembly in demo mode: a count task is
 * generated at start and is due today; the warehouse enters a count that differs from the book stock
 * and the ledger shows the count adjustment; the planner records competitor prices; the weekly
 * summary (JSON and CSV) shows the week's sales and the price gaps.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CountsMarketIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");
    private static final String TEXT = "\"((?:[^\"\\\\]|\\\\.)*)\"";

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"));
    }

    @Before
    public void demoDataReady() {
        waitForDemoAccounts();
        waitForAnswer("the first count task", "warehouse", "/api/catalog/counts", WAIT, r -> r.body().contains("\"lines\":"));
        // the demo's competitor prices are written oldest first, one by one, beside the demo products: wait for the last
        waitForAnswer("the demo competitor prices", "planner", "/api/catalog/market/records?limit=200", WAIT,
                r -> r.status() == 200 && r.body().contains("抖音 丝绸直播间"));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}]+)").matcher(json);
        assertTrue(name + " in " + json, m.find());
        return m.group(1).replace("\"", "");
    }

    private static HttpResult ok(HttpResult r, int status) {
        assertEquals(r.toString(), status, r.status());
        return r;
    }

    private static String thisWeek() {
        LocalDate today = LocalDate.now(SHOP);
        return String.format("%04d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Test
    public void theWarehouseCountsADifferenceAndTheLedgerShowsTheAdjustment() {
        String list = ok(http("GET", "/api/catalog/counts", null, as("warehouse")), 200).body();
        String taskId = field(list, "id");
        assertEquals(LocalDate.now(SHOP).toString(), field(list, "dueDate"));
        assertEquals("OPEN", field(list, "status"));
        assertEquals("due today, generated at start", "true", field(list, "due"));
        assertEquals("false", field(list, "overdue"));

        String task = ok(http("GET", "/api/catalog/counts/" + taskId, null, as("warehouse")), 200).body();
        Matcher first = Pattern.compile("\"items\":\\[\\{\"sku\":\"([^\"]+)\"").matcher(task);
        assertTrue(task, first.find());
        String sku = first.group(1);
        long book = Long.parseLong(field(ok(http("GET", "/api/catalog/products/" + sku, null, as("warehouse")), 200).body(), "stock"));
        assertTrue(sku + " has stock to count", book >= 2);

        assertEquals(403, http("POST", "/api/catalog/counts/" + taskId + "/lines",
                "{\"sku\":\"" + sku + "\",\"counted\":1}", as("planner")).status());
        String line = ok(http("POST", "/api/catalog/counts/" + taskId + "/lines",
                "{\"sku\":\"" + sku + "\",\"counted\":" + (book - 2) + ",\"note\":\"2 damaged\"}", as("warehouse")), 200).body();
        assertEquals("-2", field(line, "difference"));
        assertEquals(Long.toString(book), field(line, "bookStock"));

        String ledger = ok(http("GET", "/api/catalog/products/" + sku + "/stock-movements?limit=1", null, as("warehouse")), 200).body();
        assertTrue(ledger, ledger.contains("\"kind\":\"COUNT_ADJUSTMENT\",\"quantity\":-2,\"change\":-2,\"stockAfter\":" + (book - 2)
                + ",\"who\":\"warehouse\",\"why\":\"count task " + taskId + "\""));
        assertEquals(Long.toString(book - 2), field(http("GET", "/api/catalog/products/" + sku, null, as("warehouse")).body(), "stock"));

        HttpResult early = http("POST", "/api/catalog/counts/" + taskId + "/complete", null, as("warehouse"));
        assertEquals(early.toString(), 409, early.status());
        assertTrue(early.body(), early.body().contains("lines-not-settled"));

        String shell = executeCommand("catalog:counts");
        assertTrue(shell, shell.contains(LocalDate.now(SHOP).toString()) && shell.contains("DUE"));
        HttpResult audit = http("GET", "/api/audit?subject=count-task:" + taskId + "&limit=50", null, as("it"));
        assertTrue(audit.body(), audit.body().contains("catalog.count.generated") && audit.body().contains("catalog.count.entered"));
    }

    @Test
    public void thePlannersCompetitorPricesAndTheWeeksSalesMakeTheWeeklySummary() {
        String page = ok(http("GET", "/api/catalog/products?status=listed&limit=20", null, as("planner")), 200).body();
        Matcher m = Pattern.compile("\"sku\":\"([^\"]+)\"").matcher(page);
        List<String> skus = new ArrayList<>();
        while (m.find()) {
            skus.add(m.group(1));
        }
        // Two listed products with stock for the sales below (the count test may take 2 from one) and a price above 20.
        List<String> chosen = new ArrayList<>();
        for (String s : skus) {
            String p = http("GET", "/api/catalog/products/" + s, null, as("planner")).body();
            if (Long.parseLong(field(p, "stock")) >= 12 && new BigDecimal(price(p)).compareTo(new BigDecimal("20.00")) > 0
                    && chosen.size() < 2) {
                chosen.add(s);
            }
        }
        assertEquals(page, 2, chosen.size());
        String a = chosen.get(0);
        String b = chosen.get(1);
        BigDecimal priceA = new BigDecimal(price(http("GET", "/api/catalog/products/" + a, null, as("planner")).body()));
        BigDecimal priceB = new BigDecimal(price(http("GET", "/api/catalog/products/" + b, null, as("planner")).body()));
        String week = thisWeek();
        String before = ok(http("GET", "/api/catalog/market/summary?week=" + week + "&top=100", null, as("planner")), 200).body();

        ok(http("POST", "/api/catalog/products/" + a + "/stock-movements", "{\"kind\":\"SALE\",\"quantity\":4,\"why\":\"IT order 1\"}",
                as("warehouse")), 201);
        ok(http("POST", "/api/catalog/products/" + b + "/stock-movements", "{\"kind\":\"SALE\",\"quantity\":9,\"why\":\"IT order 2\"}",
                as("warehouse")), 201);

        String seenAt = OffsetDateTime.now(SHOP).minusMinutes(1).withNano(0).toString();
        BigDecimal theirsA = priceA.subtract(new BigDecimal("10.00"));
        BigDecimal theirsB = priceB.add(new BigDecimal("5.00"));
        assertEquals("the warehouse does not record market data", 403, http("POST", "/api/catalog/market/records",
                record(a, "京东自营", theirsA, seenAt), as("warehouse")).status());
        ok(http("POST", "/api/catalog/market/records", record(a, "京东自营", theirsA, seenAt), as("planner")), 201);
        ok(http("POST", "/api/catalog/market/records", record(b, "天猫旗舰店", theirsB, seenAt), as("planner")), 201);
        HttpResult bad = http("POST", "/api/catalog/market/records", "{\"sku\":\"" + a + "\",\"competitor\":\"x\"}", as("planner"));
        assertEquals(bad.toString(), 400, bad.status());
        assertTrue(bad.body(), bad.body().contains("price") && bad.body().contains("whereSeen") && bad.body().contains("seenAt"));
        String records = ok(http("GET", "/api/catalog/market/records?sku=" + a, null, as("warehouse")), 200).body();
        assertTrue(records, records.contains("\"competitor\":\"京东自营\"") && records.contains("\"recordedBy\":\"planner\""));

        String summary = ok(http("GET", "/api/catalog/market/summary?week=" + week + "&top=100", null, as("planner")), 200).body();
        assertEquals(week, field(summary, "week"));
        assertEquals(sold(before, a) + 4, sold(summary, a));
        assertEquals(sold(before, b) + 9, sold(summary, b));
        assertEquals(Long.parseLong(field(before, "competitorRecords")) + 2, Long.parseLong(field(summary, "competitorRecords")));
        String pctA = percent(new BigDecimal("10.00"), theirsA);
        String pctB = percent(new BigDecimal("-5.00"), theirsB);
        assertTrue(summary, summary.contains("\"competitor\":\"京东自营\",\"theirPrice\":{\"amount\":\"" + theirsA.toPlainString()
                + "\",\"currency\":\"CNY\"}"));
        assertTrue(summary, summary.contains("\"gap\":{\"amount\":\"10.00\",\"currency\":\"CNY\"},\"gapPercent\":\"" + pctA + "\""));
        assertTrue(summary, summary.contains("\"gap\":{\"amount\":\"-5.00\",\"currency\":\"CNY\"},\"gapPercent\":\"" + pctB + "\""));

        HttpResult csv = ok(http("GET", "/api/catalog/market/summary.csv?week=" + week + "&lang=en&top=100", null, as("planner")), 200);
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        assertTrue(csv.body(), csv.body().startsWith("\uFEFFWeek,From,To,Time zone,Competitor price records\r\n" + week + ","));
        assertTrue(csv.body(), csv.body().contains("," + priceA.toPlainString() + ",京东自营," + theirsA.toPlainString() + ",10.00,"
                + pctA + ",CNY,"));
        assertTrue(csv.body(), csv.body().contains("\r\nBest-seller rank,SKU,"));
        HttpResult chinese = ok(http("GET", "/api/catalog/market/summary.csv?week=" + week + "&lang=zh", null, as("planner")), 200);
        assertTrue(chinese.body(), chinese.body().startsWith("\uFEFF周,开始,结束,时区,竞品价格记录数\r\n"));
        assertEquals(400, http("GET", "/api/catalog/market/summary?week=W48", null, as("planner")).status());
    }

    private static String record(String sku, String competitor, BigDecimal price, String seenAt) {
        return "{\"sku\":\"" + sku + "\",\"competitor\":\"" + competitor + "\",\"price\":{\"amount\":\"" + price.toPlainString()
                + "\",\"currency\":\"CNY\"},\"whereSeen\":\"https://shop.example/" + sku + "\",\"seenAt\":\"" + seenAt
                + "\",\"note\":\"Pax Exam\"}";
    }

    private static String price(String productJson) {
        Matcher m = Pattern.compile("\"price\":\\{\"amount\":\"([0-9.]+)\",\"currency\":\"CNY\"\\}").matcher(productJson);
        assertTrue(productJson, m.find());
        return m.group(1);
    }

    private static String percent(BigDecimal gap, BigDecimal theirs) {
        return gap.multiply(BigDecimal.valueOf(100)).divide(theirs, 1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Units sold of a SKU in a summary's best-sellers, 0 when it is not among them. */
    private static long sold(String summary, String sku) {
        Matcher m = Pattern.compile("\"sku\":\"" + Pattern.quote(sku) + "\",\"titleZh\":" + TEXT + ",\"titleEn\":" + TEXT
                + ",\"quantity\":(\\d+)").matcher(summary);
        return m.find() ? Long.parseLong(m.group(3)) : 0;
    }
}
