package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.wubu.itests.ConsoleUi.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Returns and the confirmation report in a real browser (headless Debian Chromium, Selenium) against the real
 * distribution in demo mode, with the real roles (ORD-2, ORD-8, ORD-9): an order is placed, confirmed by the CS
 * agent, packed, shipped and delivered over REST; the agent opens it, follows the order page's link to the returns
 * page (the customer's note shown first), is refused an exchange above the limit (shown next to its value), records
 * a small gift, and requests the return of all its goods for a refund above the agent's
 * limit: the page shows that the CS manager's approval was requested, with its number. The CS manager approves over
 * REST and the agent's open page shows it approved without a reload. Delivery opens the returns page, sees only
 * the button for the goods that came back, counts one too few (the server refuses, the dialog shows the difference
 * line by line, nothing is recorded), then the right count: the order is RETURNED and the goods are back in stock.
 * The confirmation report shows a row for the agent who confirmed. Screenshots go to
 * {@code target/screenshots/returns-*.png}.
 *
 * <p>Like {@link OrdersBrowserIT} the container runs as a child process ({@link ConsoleAssembly}); every wait is
 * bounded.
 */
public class OrdersReturnsBrowserIT {

    static final String DEMO = ConsoleBrowserIT.DEMO;
    static final Duration WAIT = ConsoleUi.WAIT;
    /** The orders' console bundle, the demo products and the workflow start off their activation threads. */
    static final Duration ORDERS_READY = Duration.ofSeconds(90);
    /** The refund above which the CS manager approves (etc/org.wubu.orders.returns.cfg, agentLimit, default). */
    static final BigDecimal AGENT_LIMIT = new BigDecimal("200.00");
    static final String NOTE = "退货请走顺丰到付";

    private static ConsoleBrowser session;
    private static ConsoleAssembly wubu;
    private static WebDriver driver;
    private static ConsoleUi ui;
    private static String sku;
    private static String price;
    /** How many the order has: enough for a refund above the agent's limit, and at least 2 so that one can be missing. */
    private static int quantity;

    @BeforeClass
    public static void start() throws Exception {
        session = ConsoleBrowser.start("returns-browser-it", ORDERS_READY, OrdersReturnsBrowserIT::notReadyBecause, "chromedriver-returns.log", 1100,
                Duration.ofSeconds(90), "returns-", true);
        wubu = session.wubu;
        driver = session.driver;
        ui = session.ui;
    }

    @AfterClass
    public static void stop() throws Exception {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /**
     * Null once the orders' console bundle is active, the workflow REST answers and a listed demo product has stock
     * enough for an order whose refund is above the agent's limit (kept); else what was seen.
     */
    @SuppressWarnings("unchecked")
    private static String notReadyBecause(ConsoleAssembly wubu) {
        ConsoleAssembly.Response queue = wubu.request("GET", "/api/orders/confirmations", null, ConsoleAssembly.basic("agent", DEMO));
        ConsoleAssembly.Response products = wubu.request("GET", "/api/catalog/products?status=LISTED&limit=200", null,
                ConsoleAssembly.basic("csmanager", DEMO));
        String last = "confirmations " + queue.status() + " / products " + products.status();
        if (ConsoleBrowser.active(wubu, "org.wubu.orders.console") && queue.status() == 200 && products.status() == 200) {
            Map<String, Object> page = json(products.body());
            for (Map<String, Object> p : (List<Map<String, Object>>) page.get("items")) {
                long stock = ((Number) p.get("stock")).longValue();
                BigDecimal each = new BigDecimal((String) ((Map<String, Object>) p.get("price")).get("amount"));
                if (each.signum() <= 0) {
                    continue;
                }
                int q = Math.max(2, AGENT_LIMIT.divideToIntegralValue(each).intValue() + 1);
                if (q <= 10 && stock >= q + 2 && (sku == null || q < quantity)) {
                    sku = (String) p.get("sku");
                    price = each.toPlainString();
                    quantity = q;
                }
            }
            if (sku != null) {
                return null;
            }
            last += " / no listed product with stock for a refund above " + AGENT_LIMIT;
        }
        return last;
    }

    // ------------------------------------------------------------------------------------------------

    @Test
    public void anAgentRequestsAReturnAboveTheLimitTheCsManagerApprovesAndDeliveryChecksTheGoodsInAfterARefusal() throws IOException {
        try {
            scenario();
        } catch (RuntimeException | AssertionError e) {
            ui.screenshot("failed");
            List<WebElement> toasts = driver.findElements(By.cssSelector("#toasts .toast"));
            throw new AssertionError(e.getMessage() + "\n page toasts: "
                    + toasts.stream().map(WebElement::getText).collect(Collectors.joining(" | ")), e);
        }
    }

    @SuppressWarnings("unchecked")
    private void scenario() throws IOException {
        long id = deliveredOrder();
        String refund = new BigDecimal(price).multiply(BigDecimal.valueOf(quantity)).setScale(2).toPlainString();
        assertTrue("the refund " + refund + " is above the agent's limit", new BigDecimal(refund).compareTo(AGENT_LIMIT) > 0);

        // The CS agent opens the delivered order and follows its link to the returns page.
        ui.fresh();
        ui.login("agent", DEMO);
        ui.open("/console/orders/" + id);
        ui.awaitPage("orders.board");
        ui.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#order-page[data-state='DELIVERED']")));
        ui.clickFresh(By.id("action-returns"));
        awaitReturnsPage(id, "DELIVERED");
        assertTrue("the customer's note is shown first", ui.text(By.id("returns-notes")).contains(NOTE));
        assertTrue("all of the goods may come back",
                ui.present(By.cssSelector("#returns-lines tr[data-sku='" + sku + "'][data-returnable='" + quantity + "']")));
        assertTrue("the agent's limit is shown", ui.text(By.id("agent-limit")).contains("200.00"));
        assertFalse("the agent does not take the goods in", ui.present(By.id("action-return-check")));
        assertTrue("no request yet", ui.present(By.id("no-open-request")));
        ui.screenshot("delivered");

        // An exchange worth more than the agent's limit is refused by the server, next to its value; nothing is recorded.
        ui.clickFresh(By.id("action-exchange"));
        WebElement exchange = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("exchange-dialog")));
        exchange.findElement(By.name("back-0")).sendKeys("1");
        exchange.findElement(By.name("out-qty-0")).sendKeys("1");
        exchange.findElement(By.name("reason")).sendKeys("包装破损");
        WebElement value = exchange.findElement(By.name("value"));
        value.clear();
        value.sendKeys("999.00");
        exchange.findElement(By.cssSelector("[data-role='submit']")).click();
        assertTrue(ui.await().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#exchange-dialog .field-error[data-field='value']"))).getText().contains("超出客服权限"));
        ui.screenshot("exchange-refused");
        exchange.findElement(By.cssSelector("[data-role='cancel']")).click();
        ui.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("exchange-dialog")));

        // A small gift within the limit is recorded (the same refusal above it first).
        ui.clickFresh(By.id("action-gift"));
        WebElement gift = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("gift-dialog")));
        gift.findElement(By.name("sku")).sendKeys(sku);
        gift.findElement(By.name("reason")).sendKeys("老客户");
        WebElement giftValue = gift.findElement(By.name("value"));
        giftValue.clear();
        giftValue.sendKeys("300.00");
        gift.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#gift-dialog .field-error[data-field='value']")));
        giftValue = gift.findElement(By.name("value"));
        giftValue.clear();
        giftValue.sendKeys("5.00");
        gift.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("gift-dialog")));
        assertTrue("the gift is recorded", get("/api/orders/" + id + "/records", "agent").contains("\"kind\":\"GIFT\""));
        assertFalse("the refused exchange is not", get("/api/orders/" + id + "/records", "agent").contains("\"kind\":\"EXCHANGED\""));
        awaitReturnsPage(id, "DELIVERED");

        // The agent requests the return of everything: the refund is filled in with what the goods cost.
        ui.clickFresh(By.id("action-return-request"));
        WebElement dialog = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("return-dialog")));
        dialog.findElement(By.name("qty-0")).sendKeys(Integer.toString(quantity));
        ui.await().until(d -> refund.equals(d.findElement(By.cssSelector("#return-dialog input[name='refund']")).getAttribute("value")));
        assertTrue("the dialog says the CS manager approves: " + ui.text(By.id("return-limit-note")),
                ui.text(By.id("return-limit-note")).contains("客服主管"));
        dialog.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(d -> d.findElements(By.cssSelector("#return-dialog .field-error[data-field='reason']")).size() == 1);
        dialog.findElement(By.name("reason")).sendKeys("茶叶受潮，客户要求全部退货");
        ui.screenshot("return-dialog");
        dialog.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("return-dialog")));
        awaitReturnsPage(id, "RETURN_REQUESTED");
        ui.await().until(d -> ui.present(By.cssSelector("#open-request[data-approval='pending'] #approval-link")));
        Map<String, Object> ledger = json(get("/api/orders/returns/" + id, "agent"));
        Map<String, Object> open = (Map<String, Object>) ledger.get("openRequest");
        long approval = ((Number) open.get("approvalId")).longValue();
        assertEquals("#" + approval, ui.text(By.id("approval-link")));
        assertTrue(ui.text(By.id("request-refund")).contains(refund));
        assertTrue("the page says the approval was requested", ui.text(By.id("open-request")).contains("已提交审批"));
        assertFalse("one return request at a time", driver.findElement(By.id("action-return-request")).isEnabled());
        ui.screenshot("approval-requested");

        // The CS manager approves; the agent's open page follows without a reload.
        ConsoleAssembly.Response decided = wubu.request("POST", "/api/approvals/" + approval + "/decision",
                "{\"decision\":\"approve\",\"comment\":\"同意退款\"}", ConsoleAssembly.basic("csmanager", DEMO));
        assertEquals(decided.body(), 200, decided.status());
        ui.await().until(d -> ui.present(By.cssSelector("#open-request[data-approval='approved']")));
        ui.screenshot("approved");

        // Delivery counts the goods that came back: one too few first.
        ui.fresh();
        ui.login("delivery", DEMO);
        ui.open("/console/orders/returns/" + id);
        awaitReturnsPage(id, "RETURN_REQUESTED");
        assertFalse("delivery does not request returns", ui.present(By.id("action-return-request")));
        assertFalse("delivery does not exchange", ui.present(By.id("action-exchange")));
        assertFalse("delivery does not give gifts", ui.present(By.id("action-gift")));
        long before = stock();
        ui.clickFresh(By.id("action-return-check"));
        WebElement check = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("return-check-dialog")));
        check.findElement(By.name("found-0")).sendKeys(Integer.toString(quantity - 1));
        check.findElement(By.cssSelector("[data-role='submit']")).click();
        WebElement refused = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#return-check-dialog .form-error")));
        String expected = sku + "：申请 " + quantity + "，实收 " + (quantity - 1);
        assertTrue("the difference is shown line by line: " + refused.getText(), refused.getText().contains(expected));
        assertTrue("and next to the counted quantity",
                ui.text(By.cssSelector("#return-check-dialog .field-error[data-field='found-0']")).contains("清点 " + (quantity - 1)));
        assertTrue("the dialog stays open", driver.findElement(By.id("return-check-dialog")).isDisplayed());
        assertEquals("nothing was recorded", "RETURN_REQUESTED", json(get("/api/orders/" + id, "delivery")).get("state"));
        assertEquals("no stock moved", before, stock());
        ui.screenshot("check-refused");

        WebElement count = check.findElement(By.name("found-0"));
        count.clear();
        count.sendKeys(Integer.toString(quantity));
        check.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("return-check-dialog")));
        awaitReturnsPage(id, "RETURNED");
        ui.await().until(d -> ui.text(By.id("returns-state")).contains("已退货"));
        assertEquals(Integer.toString(quantity),
                ui.text(By.cssSelector("#returns-lines tr[data-sku='" + sku + "'] td.returned")));
        assertTrue("no request is open any more", ui.present(By.id("no-open-request")));
        assertEquals("the goods are back in stock", before + quantity, stock());
        List<Map<String, Object>> records = (List<Map<String, Object>>) json(get("/api/orders/" + id + "/records", "delivery")).get("items");
        List<String> kinds = records.stream().map(r -> (String) r.get("kind")).collect(Collectors.toList());
        assertEquals(kinds.toString(), 1, kinds.stream().filter("RETURNED"::equals).count());
        ui.screenshot("returned");

        // The confirmation report has a row for the agent who confirmed the order (this month, in the shop's zone).
        ui.open("/console/orders/confirmation-report");
        ui.awaitPage("orders.confirmation-report");
        By agentRow = By.cssSelector("#report-agents tbody tr[data-agent='agent']");
        ui.await().until(ExpectedConditions.presenceOfElementLocated(agentRow));
        assertTrue(Long.parseLong(driver.findElement(agentRow).getAttribute("data-confirmed")) >= 1);
        assertFalse("the total share is shown", ui.text(By.id("report-total-share")).isBlank());
        assertTrue("the CSV is offered", driver.findElement(By.id("report-csv")).isDisplayed());
        ui.screenshot("confirmation-report");

        // A period that ends before it starts is refused next to its field, in the user's language.
        WebElement from = driver.findElement(By.id("report-from"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2026-01-31'; document.getElementById('report-to').value = '2026-01-01';",
                from);
        driver.findElement(By.id("report-show")).click();
        assertTrue(ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#report-form .field-error[data-field='to']")))
                .getText().contains("不能早于"));
    }

    // ------------------------------------------------------------------------------------------------

    private static String get(String path, String user) {
        ConsoleAssembly.Response r = wubu.request("GET", path, null, ConsoleAssembly.basic(user, DEMO));
        assertEquals(path + ": " + r.body(), 200, r.status());
        return r.body();
    }

    private static String post(String path, String body, String user) {
        ConsoleAssembly.Response r = wubu.request("POST", path, body, ConsoleAssembly.basic(user, DEMO));
        assertEquals(path + ": " + r.body(), 201, r.status());
        return r.body();
    }

    /** Over REST, as the roles do it: placed (storefront's intake), confirmed by the agent, packed, shipped and delivered. */
    private static long deliveredOrder() {
        String total = new BigDecimal(price).multiply(BigDecimal.valueOf(quantity)).toPlainString();
        String body = "{\"customer\":{\"name\":\"退货测试\",\"phone\":\"139 8765 4321\"},\"address\":\"杭州市西湖区文三路 2 号\","
                + "\"lines\":[{\"sku\":" + ConsoleUi.toJson(sku) + ",\"quantity\":" + quantity + ",\"unitPrice\":{\"amount\":\"" + price
                + "\",\"currency\":\"CNY\"}}],\"payment\":{\"method\":\"alipay\",\"amount\":{\"amount\":\"" + total
                + "\",\"currency\":\"CNY\"},\"transactionRef\":\"IT-RETURNS-" + UUID.randomUUID() + "\"},\"note\":" + ConsoleUi.toJson(NOTE)
                + ",\"source\":\"storefront\"}";
        Map<String, String> headers = new HashMap<>(ConsoleAssembly.basic("csmanager", DEMO));
        headers.put("Idempotency-Key", "it-returns-" + UUID.randomUUID());
        ConsoleAssembly.Response placed = wubu.request("POST", "/api/orders", body, headers);
        assertEquals(placed.body(), 201, placed.status());
        long id = ((Number) json(placed.body()).get("id")).longValue();
        post("/api/orders/confirmations/" + id, "{\"channel\":\"phone\",\"result\":\"confirmed\",\"note\":\"客户确认\"}", "agent");
        // the payment check runs on the intake's event; packing before it could race with it
        awaitRest("the payment check of order " + id, "/api/orders/payment-flags/" + id, "delivery", b -> b.contains("\"verified\":true"));
        post("/api/orders/packing/" + id, "{\"lines\":[{\"sku\":" + ConsoleUi.toJson(sku) + ",\"quantity\":" + quantity + "}]}", "delivery");
        post("/api/orders/shipping/" + id, "{\"carrier\":\"顺丰速运\",\"trackingNumber\":\"SF" + (2000000000L + id) + "\"}", "delivery");
        post("/api/orders/shipping/" + id + "/delivered", "{\"note\":\"本人签收\"}", "delivery");
        assertEquals("DELIVERED", json(get("/api/orders/" + id, "agent")).get("state"));
        return id;
    }

    private static void awaitRest(String what, String path, String user, Predicate<String> done) {
        Instant deadline = Instant.now().plus(WAIT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            ConsoleAssembly.Response r = wubu.request("GET", path, null, ConsoleAssembly.basic(user, DEMO));
            last = r.status() + " " + r.body();
            if (r.status() == 200 && done.test(r.body())) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError(what + " did not happen within " + WAIT + " (last: " + last + ")");
    }

    @SuppressWarnings("unchecked")
    private static long stock() {
        return ((Number) json(get("/api/catalog/products/" + sku, "csmanager")).get("stock")).longValue();
    }

    private static void awaitReturnsPage(long id, String state) {
        ui.awaitPage("orders.returns");
        ui.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#returns-page[data-order='" + id + "'][data-state='" + state + "']")));
        // the page follows the order live: act once its stream is connected
        ui.awaitLive();
    }
}
