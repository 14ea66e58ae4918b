package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.wubu.itests.ConsoleUi.json;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The orders' console pages in a real browser (headless Debian Chromium, Selenium) against the real
 * distribution in demo mode, with the real roles: the CS agent has the live board open (ORD-1) when the
 * storefront posts a new order over HTTP (with an Idempotency-Key); the order appears on the board within
 * {@link #LIVE} without a reload and flashes; the agent sees it in the confirmation queue with its countdown
 * and records the confirmation call on the order page, where the customer's note is shown first (ORD-2);
 * delivery packs it with one wrong SKU, which the server refuses and records (the dialog shows the reason),
 * then with the right one (ORD-7), ships it and records the delivery (ORD-8); the order page's timeline
 * shows every step (ORD-3). Screenshots go to {@code target/screenshots/orders-*.png}.
 *
 * <p>Like {@link ConsoleBrowserIT} the container runs as a child process ({@link ConsoleAssembly}); every
 * wait is bounded.
 */
public class OrdersBrowserIT {

    static final String DEMO = ConsoleBrowserIT.DEMO;
    /** How fast a new order must reach the open board (ORD-1 asks for a second; the margin is for a loaded test machine). */
    static final Duration LIVE = Duration.ofSeconds(5);
    /** The orders' console bundle, the demo products and the workflow start off their activation threads. */
    static final Duration ORDERS_READY = Duration.ofSeconds(90);
    static final String NOTE = "请工作日送货，勿放发票";

    private static ConsoleBrowser session;
    private static ConsoleAssembly wubu;
    private static WebDriver driver;
    private static ConsoleUi ui;
    private static String sku;
    private static String price;

    @BeforeClass
    public static void start() throws Exception {
        session = ConsoleBrowser.start("orders-browser-it", ORDERS_READY, OrdersBrowserIT::notReadyBecause, "chromedriver-orders.log", 1100,
                Duration.ofSeconds(90), "orders-", true);
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

    /** Null once the orders' console bundle is active, the workflow REST answers and a listed product has stock (kept); else what was seen. */
    @SuppressWarnings("unchecked")
    private static String notReadyBecause(ConsoleAssembly wubu) {
        ConsoleAssembly.Response queue = wubu.request("GET", "/api/orders/confirmations", null, ConsoleAssembly.basic("agent", DEMO));
        ConsoleAssembly.Response products = wubu.request("GET", "/api/catalog/products?status=LISTED&limit=200", null,
                ConsoleAssembly.basic("csmanager", DEMO));
        String last = "confirmations " + queue.status() + " / products " + products.status();
        if (ConsoleBrowser.active(wubu, "org.wubu.orders.console") && queue.status() == 200 && products.status() == 200) {
            long best = 0;
            Map<String, Object> page = json(products.body());
            for (Map<String, Object> p : (List<Map<String, Object>>) page.get("items")) {
                long stock = ((Number) p.get("stock")).longValue();
                if (stock > best) {
                    best = stock;
                    sku = (String) p.get("sku");
                    price = (String) ((Map<String, Object>) p.get("price")).get("amount");
                }
            }
            if (best >= 5) {
                return null;
            }
        }
        return last;
    }

    // ------------------------------------------------------------------------------------------------

    @Test
    public void aNewOrderAppearsLiveIsConfirmedPackedAfterARefusalShippedAndDeliveredAndTheTimelineShowsIt() throws IOException {
        try {
            scenario();
        } catch (RuntimeException | AssertionError e) {
            // what the page showed when it failed (toasts carry the API's refusals)
            ui.screenshot("failed");
            List<WebElement> toasts = driver.findElements(By.cssSelector("#toasts .toast"));
            ConsoleAssembly.Response orders = wubu.request("GET", "/api/orders?limit=1", null, ConsoleAssembly.basic("delivery", DEMO));
            threadDump();
            throw new AssertionError(e.getMessage() + "\n page toasts: "
                    + toasts.stream().map(WebElement::getText).collect(Collectors.joining(" | "))
                    + "\n the server now answers GET /api/orders?limit=1 with " + orders.status() + " " + orders.body(), e);
        }
    }

    private void scenario() throws IOException {
        // The CS agent has the board open and the live stream connected.
        ui.fresh();
        ui.login("agent", DEMO);
        ui.open("/console/orders");
        ui.awaitPage("orders.board");
        ui.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#order-board:not([data-refreshed='0'])")));
        ui.awaitLive();
        assertTrue("counts per state", ui.present(By.cssSelector("#state-counts a[data-state='ACCEPTED']")));
        assertFalse("the sound cue is off by default", driver.findElement(By.id("board-sound")).isSelected());
        ui.screenshot("board");

        // The storefront posts an order; the open page must not reload to show it.
        ((JavascriptExecutor) driver).executeScript("window.wubuBoardMarker = 'still-here';");
        long accepted = count("ACCEPTED");
        long id = placeOrder(2);
        Instant posted = Instant.now();
        By row = By.cssSelector("#board-orders tr[data-order='" + id + "']");
        new WebDriverWait(driver, LIVE, Duration.ofMillis(100)).until(ExpectedConditions.presenceOfElementLocated(row));
        Duration took = Duration.between(posted, Instant.now());
        assertEquals("no reload: the board was updated in place", "still-here",
                ((JavascriptExecutor) driver).executeScript("return window.wubuBoardMarker"));
        // later events of the same intake (payment check) redraw the list: read the row afresh each time
        ui.await().until(d -> d.findElement(row).getAttribute("class").contains("fresh"));
        ui.await().until(d -> {
            String line = d.findElement(row).getText();
            return line.contains("浏览器测试") && line.contains("待确认") && line.contains("剩余");
        });
        ui.await().until(d -> count("ACCEPTED") >= accepted + 1);
        ui.screenshot("board-new-order-" + took.toMillis() + "ms");

        // The agent finds it in the confirmation queue with its countdown and opens it.
        ui.open("/console/orders/confirmations");
        ui.awaitPage("orders.confirmations");
        By queued = By.cssSelector("#confirmation-queue tr[data-order='" + id + "']");
        ui.await().until(d -> d.findElement(queued).getText().contains("剩余") && d.findElement(queued).getText().contains("139 1234 5678"));
        ui.screenshot("confirmation-queue");
        ui.await().until(d -> {
            d.findElement(queued).findElement(By.cssSelector("a.order-link")).click();
            return true;
        });
        awaitOrderPage(id, "ACCEPTED");
        assertTrue("the customer's note is shown first", ui.text(By.id("order-notes")).contains(NOTE));
        assertTrue(ui.text(By.id("order-lines")).contains(sku));
        assertFalse("the agent does not pack", ui.present(By.id("action-pack")));
        ui.screenshot("order-accepted");

        ui.clickFresh(By.id("action-confirm"));
        WebElement confirm = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        confirm.findElement(By.name("note")).sendKeys("客户确认收货地址");
        ui.screenshot("confirm-dialog");
        confirm.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-dialog")));
        awaitOrderPage(id, "CONFIRMED");
        ui.await().until(d -> ui.present(By.cssSelector("#order-timeline tr[data-kind='CONFIRMED']")));
        ui.screenshot("order-confirmed");

        // Delivery picks it from the packing queue and packs it: one wrong SKU first.
        ui.fresh();
        ui.login("delivery", DEMO);
        ui.open("/console/orders/packing");
        ui.awaitPage("orders.packing");
        By link = By.cssSelector("#packing-queue a.order-link[data-order='" + id + "']");
        ui.await().until(ExpectedConditions.presenceOfElementLocated(link));
        ui.screenshot("packing-queue");
        ui.await().until(d -> {
            d.findElement(link).click();
            return true;
        });
        awaitOrderPage(id, "CONFIRMED");
        assertFalse("delivery does not confirm", ui.present(By.id("action-confirm")));
        ((JavascriptExecutor) driver).executeScript("window.wubuErrors = [];"
                + "addEventListener('error', (e) => wubuErrors.push(String(e.message)));"
                + "addEventListener('unhandledrejection', (e) => wubuErrors.push(String(e.reason && (e.reason.stack || e.reason))));");
        ui.clickFresh(By.id("action-pack"));
        ui.await().until(d -> ui.present(By.id("pack-dialog")) || ui.present(By.cssSelector("#toasts .toast.error"))
                || !((List<?>) ((JavascriptExecutor) d).executeScript("return window.wubuErrors")).isEmpty());
        assertTrue("the pick list opens: " + ((JavascriptExecutor) driver).executeScript("return window.wubuErrors"), ui.present(By.id("pack-dialog")));
        WebElement pack = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("pack-dialog")));
        assertTrue("the notes come first on the pick list", pack.findElement(By.id("pack-notes")).getText().contains(NOTE));
        pack.findElement(By.name("sku-0")).sendKeys("WRONG-" + sku);
        pack.findElement(By.name("qty-0")).sendKeys("2");
        pack.findElement(By.cssSelector("[data-role='submit']")).click();
        WebElement refusal = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pack-dialog .form-error")));
        assertTrue("the server's refusal is shown: " + refusal.getText(), refusal.getText().contains("WRONG-" + sku));
        assertTrue("the dialog stays open", driver.findElement(By.id("pack-dialog")).isDisplayed());
        ui.await().until(d -> ui.present(By.cssSelector("#order-timeline tr[data-kind='PACK_MISMATCH']")));
        assertEquals("the order is not packed", "CONFIRMED", stateOf(id));
        ui.screenshot("pack-refused");

        WebElement scan = pack.findElement(By.name("sku-0"));
        scan.clear();
        scan.sendKeys(sku);
        pack.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("pack-dialog")));
        awaitOrderPage(id, "PACKED");
        ui.screenshot("order-packed");

        ui.clickFresh(By.id("action-ship"));
        WebElement ship = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("ship-dialog")));
        ship.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(d -> d.findElements(By.cssSelector("#ship-dialog .field-error[data-field='trackingNumber']")).size() == 1);
        ship.findElement(By.name("carrier")).sendKeys("顺丰速运");
        ship.findElement(By.name("trackingNumber")).sendKeys("SF" + (1000000000L + id));
        ui.screenshot("ship-dialog");
        ship.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("ship-dialog")));
        awaitOrderPage(id, "SHIPPED");

        ui.clickFresh(By.id("action-deliver"));
        WebElement deliver = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("deliver-dialog")));
        deliver.findElement(By.name("note")).sendKeys("前台代收");
        deliver.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("deliver-dialog")));
        awaitOrderPage(id, "DELIVERED");

        // The timeline shows every step, the same records the REST API has, in order.
        List<String> expected = records(id);
        ui.await().until(d -> timeline().equals(expected));
        List<String> kinds = timeline();
        for (String step : List.of("CREATED", "ACCEPTED", "CONFIRMED", "PACK_MISMATCH", "PACKED", "SHIPPED", "DELIVERED")) {
            assertTrue(step + " in " + kinds, kinds.contains(step));
        }
        assertTrue(kinds.toString(), kinds.indexOf("PACK_MISMATCH") < kinds.indexOf("PACKED")
                && kinds.indexOf("CONFIRMED") < kinds.indexOf("PACK_MISMATCH") && kinds.indexOf("SHIPPED") < kinds.indexOf("DELIVERED"));
        String timelineText = ui.text(By.id("order-timeline"));
        assertTrue(timelineText, timelineText.contains("delivery") && timelineText.contains("agent") && timelineText.contains("顺丰速运")
                && timelineText.contains("SF" + (1000000000L + id)));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('order-timeline').scrollIntoView()");
        ui.screenshot("timeline");
    }

    // ------------------------------------------------------------------------------------------------

    /** The container's threads (jcmd, bounded) into target/orders-browser-it-threads.txt, to see what a stalled request waits for. */
    private static void threadDump() {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("org.apache.karaf.main.Main"))
                .forEach(p -> {
                    try {
                        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                                Long.toString(p.pid()), "Thread.print")
                                .redirectErrorStream(true).redirectOutput(new File("target/orders-browser-it-threads.txt")).start();
                        if (!jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                            jcmd.destroyForcibly();
                        }
                    } catch (IOException | InterruptedException e) {
                        // a diagnostic only
                    }
                });
    }

    /** The storefront's intake (demo: the CS manager may place orders), with a fresh Idempotency-Key. */
    private static long placeOrder(int quantity) {
        String total = new BigDecimal(price).multiply(BigDecimal.valueOf(quantity)).toPlainString();
        String body = "{\"customer\":{\"name\":\"浏览器测试\",\"phone\":\"139 1234 5678\"},\"address\":\"杭州市西湖区文三路 1 号\","
                + "\"lines\":[{\"sku\":" + ConsoleUi.toJson(sku) + ",\"quantity\":" + quantity + ",\"unitPrice\":{\"amount\":\"" + price
                + "\",\"currency\":\"CNY\"}}],\"payment\":{\"method\":\"alipay\",\"amount\":{\"amount\":\"" + total
                + "\",\"currency\":\"CNY\"},\"transactionRef\":\"IT-BROWSER-" + UUID.randomUUID() + "\"},\"note\":" + ConsoleUi.toJson(NOTE)
                + ",\"source\":\"storefront\"}";
        Map<String, String> headers = new HashMap<>(ConsoleAssembly.basic("csmanager", DEMO));
        headers.put("Idempotency-Key", "it-browser-" + UUID.randomUUID());
        ConsoleAssembly.Response r = wubu.request("POST", "/api/orders", body, headers);
        assertEquals(r.body(), 201, r.status());
        return ((Number) json(r.body()).get("id")).longValue();
    }

    private static String stateOf(long id) {
        ConsoleAssembly.Response r = wubu.request("GET", "/api/orders/" + id, null, ConsoleAssembly.basic("agent", DEMO));
        assertEquals(r.body(), 200, r.status());
        return (String) json(r.body()).get("state");
    }

    @SuppressWarnings("unchecked")
    private static List<String> records(long id) {
        ConsoleAssembly.Response r = wubu.request("GET", "/api/orders/" + id + "/records", null, ConsoleAssembly.basic("agent", DEMO));
        assertEquals(r.body(), 200, r.status());
        return ((List<Map<String, Object>>) json(r.body()).get("items")).stream().map(m -> (String) m.get("kind")).collect(Collectors.toList());
    }

    /** The board's count for a state, as the page shows it. */
    private static long count(String state) {
        List<WebElement> a = driver.findElements(By.cssSelector("#state-counts a[data-state='" + state + "']"));
        return a.isEmpty() ? -1 : Long.parseLong(a.get(0).getAttribute("data-count"));
    }

    private static List<String> timeline() {
        return driver.findElements(By.cssSelector("#order-timeline tbody tr")).stream().map(e -> e.getAttribute("data-kind"))
                .collect(Collectors.toList());
    }

    private static void awaitOrderPage(long id, String state) {
        ui.awaitPage("orders.board");
        ui.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#order-page[data-order='" + id + "'][data-state='" + state + "']")));
        // the page follows the order live: act once its stream is connected and the page has settled
        ui.awaitLive();
    }
}
