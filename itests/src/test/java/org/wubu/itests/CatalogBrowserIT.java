package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.wubu.itests.ConsoleUi.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.wubu.catalog.api.PriceProposalStatus;

/**
 * The catalog's console pages in a real browser (headless Debian Chromium, Selenium) against the real
 * distribution in demo mode, with the real roles of CAT-1: the planner finds a product and proposes a
 * new price with competitor evidence; the marketing director sees the old and new price and the evidence
 * in the approvals inbox and approves; the price stays until the content specialist applies it on the
 * product page, which then shows the new price and the history row. Also: a stale edit of the product's
 * texts shows who changed it when, the pages leave the menu while the catalog bundle is stopped, and the
 * warehouse records a receipt (in English) that the ledger shows, and enters a stock count on the counts page.
 * Screenshots go to {@code target/screenshots/catalog-*.png}.
 *
 * <p>Like {@link ConsoleBrowserIT} the container runs as a child process ({@link ConsoleAssembly}); every
 * wait is bounded.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class CatalogBrowserIT {

    static final String DEMO = ConsoleBrowserIT.DEMO;
    static final Duration WAIT = ConsoleUi.WAIT;
    /** The catalog bundle creates the demo products off its activation thread; the console pages come with it. */
    static final Duration CATALOG_READY = Duration.ofSeconds(60);

    private static ConsoleBrowser session;
    private static ConsoleAssembly wubu;
    private static WebDriver driver;
    private static ConsoleUi ui;

    @BeforeClass
    public static void start() throws Exception {
        session = ConsoleBrowser.start("catalog-browser-it", CATALOG_READY, CatalogBrowserIT::notReadyBecause, "chromedriver-catalog.log", 1000,
                Duration.ofSeconds(30), "catalog-", false);
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

    /** Null once the catalog's console bundle is active and the demo products exist, else what was seen. */
    private static String notReadyBecause(ConsoleAssembly wubu) {
        ConsoleAssembly.Response products = wubu.request("GET", "/api/catalog/products?status=LISTED&limit=1", null,
                ConsoleAssembly.basic("planner", DEMO));
        boolean active = ConsoleBrowser.active(wubu, "org.wubu.catalog.console");
        return active && products.status() == 200 && products.body().contains("\"sku\"") ? null
                : "console bundle active " + active + ", products " + products.status() + " " + products.body();
    }

    // ------------------------------------------------------------------------------------------------

    @Test
    public void a_plannerProposesDirectorApprovesSpecialistAppliesAndTheProductPageShowsIt() throws IOException {
        Map<String, Object> product = firstListed();
        String sku = (String) product.get("sku");
        BigDecimal old = new BigDecimal(amount(product.get("price")));
        BigDecimal proposed = old.multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_UP);
        String oldText = "¥" + old.toPlainString();
        String newText = "¥" + proposed.toPlainString();

        // The planner finds the product by searching the list, opens it and proposes a price with evidence.
        ui.fresh();
        ui.login("planner", DEMO);
        ui.open("/console/catalog/products");
        ui.awaitPage("catalog.products");
        ui.await().until(d -> d.findElements(By.cssSelector("#products-table tbody tr")).size() > 1);
        ui.screenshot("products");
        // keyset pages: the demo catalog has more than one page of 20
        String firstRow = ui.text(By.cssSelector("#products-table tbody tr"));
        driver.findElement(By.cssSelector("#products-table button.next")).click();
        ui.await().until(ExpectedConditions.textToBe(By.cssSelector("#products-table .page-no"), "第 2 页"));
        assertFalse(firstRow.equals(ui.text(By.cssSelector("#products-table tbody tr"))));
        WebElement q = driver.findElement(By.cssSelector("#product-filter input[name='q']"));
        q.sendKeys(sku);
        driver.findElement(By.id("product-search")).click();
        ui.await().until(d -> d.findElements(By.cssSelector("#products-table tbody tr")).size() == 1
                && d.findElements(By.cssSelector("#products-table a.product-link[data-sku='" + sku + "']")).size() == 1);
        ui.screenshot("products-search");
        driver.findElement(By.cssSelector("#products-table a.product-link[data-sku='" + sku + "']")).click();
        ui.awaitPage("catalog.products");
        ui.await().until(ExpectedConditions.textToBe(By.id("product-price"), oldText));
        assertTrue("the planner may propose a price", ui.present(By.id("propose-price")));
        assertFalse("only the content specialist applies", ui.present(By.id("record-movement")));
        ui.screenshot("product-planner");

        driver.findElement(By.id("propose-price")).click();
        WebElement form = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("propose-form")));
        // without evidence the page names the missing fields (the server would refuse too)
        form.findElement(By.name("newPrice")).sendKeys(proposed.toPlainString());
        form.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(d -> d.findElements(By.cssSelector("#propose-form .field-error[data-field='competitor']")).size() == 1);
        ui.screenshot("propose-missing-evidence");
        form.findElement(By.name("competitor")).sendKeys("京东自营");
        form.findElement(By.name("theirPrice")).sendKeys(proposed.subtract(BigDecimal.ONE).toPlainString());
        form.findElement(By.name("whereSeen")).sendKeys("https://item.jd.example/" + sku);
        assertFalse("the time seen is filled in with now", form.findElement(By.name("seenAt")).getAttribute("value").isBlank());
        form.findElement(By.name("reason")).sendKeys("京东自营降价，跟进 10%");
        ui.screenshot("propose-form");
        form.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("propose-dialog")));
        WebElement row = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#price-proposals tbody tr")));
        assertTrue(row.getText(), row.getText().contains(newText) && row.getText().contains("京东自营") && row.getText().contains("待审批"));
        assertEquals("proposing changes nothing yet", oldText, ui.text(By.id("product-price")));
        ui.screenshot("proposed");

        Map<String, Object> proposal = latestProposal(sku);
        long proposalId = ((Number) proposal.get("id")).longValue();
        long approvalId = ((Number) proposal.get("approvalId")).longValue();
        assertEquals(PriceProposalStatus.PENDING.name(), proposal.get("status"));
        // the planner cannot decide their own request: the inbox does not offer it to them
        assertFalse(wubu.request("GET", "/api/approvals/inbox", null, ConsoleAssembly.basic("planner", DEMO)).body()
                .contains("\"id\":" + approvalId + ","));

        // The marketing director sees what is asked in the inbox, with the evidence, and approves.
        ui.fresh();
        ui.login("director", DEMO);
        ui.open("/console/approvals");
        ui.awaitPage("approvals");
        By link = By.cssSelector("#inbox-table a.request-link[data-id='" + approvalId + "']");
        ui.await().until(ExpectedConditions.visibilityOfElementLocated(link));
        String inboxRow = driver.findElement(link).findElement(By.xpath("./ancestor::tr")).getText();
        assertTrue(inboxRow, inboxRow.contains(sku) && inboxRow.contains(proposed.toPlainString()));
        ui.screenshot("director-inbox");
        driver.findElement(link).click();
        ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("price-change")));
        String prices = ui.text(By.id("price-change-prices"));
        assertTrue(prices, prices.contains(oldText) && prices.contains(newText) && prices.contains("-10.0%"));
        assertEquals("京东自营", ui.text(By.id("price-change-competitor")));
        assertEquals("¥" + proposed.subtract(BigDecimal.ONE).toPlainString(), ui.text(By.id("price-change-their-price")));
        assertEquals("https://item.jd.example/" + sku, ui.text(By.id("price-change-where")));
        assertTrue(ui.text(By.id("price-change-seen-at")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
        ui.screenshot("director-request");
        driver.findElement(By.id("approve")).click();
        ui.await().until(d -> d.findElements(By.id("decision-form")).isEmpty()
                && d.findElements(By.cssSelector("#request-steps .badge.ok")).size() == 1);
        awaitProposalStatus(proposalId, PriceProposalStatus.APPROVED_AWAITING_APPLY);
        ui.screenshot("director-approved");

        // Approved, not applied: the price has not changed, for the director's browser nor the API.
        ui.open("/console/catalog/products/" + sku);
        ui.awaitPage("catalog.products");
        ui.await().until(ExpectedConditions.textToBe(By.id("product-price"), oldText));
        assertFalse("the director does not apply", ui.present(By.cssSelector("button.apply")));
        assertEquals(old.toPlainString(), amount(product(sku).get("price")));

        // The content specialist sees it on the dashboard and in the price changes, applies it on the product page.
        ui.fresh();
        ui.login("specialist", DEMO);
        ui.awaitPage("dashboard");
        WebElement tile = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-catalog-prices-to-apply")));
        assertTrue(tile.getText(), Integer.parseInt(tile.findElement(By.className("value")).getText().replace("+", "")) >= 1);
        ui.screenshot("specialist-dashboard");
        tile.click();
        ui.awaitPage("catalog.prices");
        ui.await().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#proposals-table button.apply[data-proposal='" + proposalId + "']")));
        ui.screenshot("specialist-price-changes");
        driver.findElement(By.cssSelector("#proposals-table a.product-link[data-sku='" + sku + "']")).click();
        ui.awaitPage("catalog.products");
        ui.await().until(ExpectedConditions.textToBe(By.id("product-price"), oldText));
        By apply = By.cssSelector("#price-proposals button.apply[data-proposal='" + proposalId + "']");
        ui.await().until(ExpectedConditions.elementToBeClickable(apply)).click();
        WebElement confirm = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#apply-dialog [data-role='submit']")));
        ui.screenshot("specialist-apply-confirm");
        confirm.click();
        ui.await().until(ExpectedConditions.textToBe(By.id("product-price"), newText));
        ui.await().until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#price-history tbody tr"));
            return !rows.isEmpty() && rows.get(0).getText().contains("specialist") && rows.get(0).getText().contains(oldText)
                    && rows.get(0).getText().contains(newText) && rows.get(0).getText().contains("#" + proposalId);
        });
        String applied = ui.text(By.cssSelector("#price-proposals tbody tr"));
        assertTrue(applied, applied.contains("已执行") && applied.contains("specialist"));
        assertFalse(ui.present(apply));
        ui.screenshot("specialist-applied");

        // The server agrees: the new price, the proposal applied, the history row first.
        assertEquals(proposed.toPlainString(), amount(product(sku).get("price")));
        assertEquals(PriceProposalStatus.APPLIED.name(), latestProposal(sku).get("status"));
        Map<String, Object> newest = history(sku).get(0);
        assertEquals(proposalId, ((Number) newest.get("proposalId")).longValue());
        assertEquals("specialist", newest.get("changedBy"));
        assertEquals(old.toPlainString(), amount(newest.get("oldPrice")));
        assertEquals(proposed.toPlainString(), amount(newest.get("newPrice")));
    }

    @Test
    public void b_aStaleEditSaysWhoChangedTheProductAndWhen() throws IOException {
        Map<String, Object> product = firstListed();
        String sku = (String) product.get("sku");
        ui.fresh();
        ui.login("specialist", DEMO);
        ui.open("/console/catalog/products/" + sku);
        ui.awaitPage("catalog.products");
        driver.findElement(By.id("edit-product")).click();
        WebElement form = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-form")));

        // Meanwhile the designer saves a change of the same product.
        Map<String, Object> current = product(sku);
        String body = "{\"titleZh\":" + quote((String) current.get("titleZh")) + ",\"titleEn\":" + quote((String) current.get("titleEn"))
                + ",\"descriptionZh\":" + quote("设计师更新了描述") + ",\"descriptionEn\":" + quote("Description updated by the designer")
                + ",\"category\":" + quote((String) current.get("category")) + ",\"version\":" + current.get("version") + "}";
        ConsoleAssembly.Response saved = wubu.request("PUT", "/api/catalog/products/" + sku, body, ConsoleAssembly.basic("designer", DEMO));
        assertEquals(saved.body(), 200, saved.status());

        WebElement description = form.findElement(By.name("descriptionEn"));
        description.clear();
        description.sendKeys("Specialist's version");
        form.findElement(By.cssSelector("[data-role='submit']")).click();
        WebElement error = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#edit-form .form-error")));
        assertTrue(error.getText(), error.getText().contains("designer") && error.getText().contains("重新加载"));
        ui.screenshot("edit-conflict");

        // Reloading shows the designer's version; saving on top of it works.
        driver.findElement(By.id("edit-reload")).click();
        form = ui.await().until(d -> {
            List<WebElement> forms = d.findElements(By.id("edit-form"));
            return forms.size() == 1 && "Description updated by the designer".equals(forms.get(0).findElement(By.name("descriptionEn"))
                    .getAttribute("value")) ? forms.get(0) : null;
        });
        WebElement again = form.findElement(By.name("descriptionEn"));
        again.clear();
        again.sendKeys("Specialist's version");
        form.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.textToBe(By.cssSelector("#product-description-en span"), "Specialist's version"));
        assertTrue(ui.text(By.id("product-updated")).contains("specialist"));
        ui.screenshot("edit-saved");
    }

    @Test
    public void c_theCatalogPagesLeaveTheMenuWhileTheCatalogIsStoppedAndComeBack() throws Exception {
        String sku = (String) firstListed().get("sku");
        ui.fresh();
        ui.login("specialist", DEMO);
        ui.awaitPage("dashboard");
        assertTrue(ui.present(By.id("menu-catalog-products")) && ui.present(By.id("menu-catalog-prices")));

        wubu.shell("it", DEMO, "bundle:stop " + CATALOG_BUNDLE);
        try {
            ui.awaitMenuAfterReload("catalog-products", false, CATALOG_READY);
            assertFalse(ui.present(By.id("menu-catalog-prices")));
            assertFalse("the tile leaves with the catalog", ui.present(By.id("tile-catalog-prices-to-apply")));
            ui.screenshot("catalog-stopped");
        } finally {
            wubu.shell("it", DEMO, "bundle:start " + CATALOG_BUNDLE);
        }
        ui.awaitMenuAfterReload("catalog-products", true, CATALOG_READY);
        ui.open("/console/catalog/products/" + sku);
        ui.awaitPage("catalog.products");
        ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("product-price")));
        assertEquals(sku, ((String) product(sku).get("sku")));
    }

    @Test
    public void d_theWarehouseRecordsAReceiptInEnglishAndTheLedgerShowsIt() throws IOException {
        Map<String, Object> product = firstListed();
        String sku = (String) product.get("sku");
        long stock = ((Number) product.get("stock")).longValue();
        ui.fresh();
        ui.login("warehouse", DEMO);
        ui.awaitPage("dashboard");
        new Select(driver.findElement(By.id("lang"))).selectByValue("en");
        ui.await().until(ExpectedConditions.textToBe(By.cssSelector("#menu-catalog-products span"), "Products"));
        ui.open("/console/catalog/products/" + sku);
        ui.awaitPage("catalog.products");
        WebElement record = ui.await().until(ExpectedConditions.elementToBeClickable(By.id("record-movement")));
        assertEquals("Record stock movement", record.getText());
        assertFalse("the warehouse proposes no price", ui.present(By.id("propose-price")));
        assertFalse("nor edits texts", ui.present(By.id("edit-product")));
        record.click();
        WebElement form = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("movement-form")));
        new Select(form.findElement(By.name("kind"))).selectByValue("RECEIPT");
        form.findElement(By.name("quantity")).sendKeys("-3");
        form.findElement(By.name("why")).sendKeys("Delivery note DN-" + System.currentTimeMillis() % 100000);
        form.findElement(By.cssSelector("[data-role='submit']")).click();
        // a receipt is never negative: the page says so next to the field
        ui.await().until(d -> d.findElements(By.cssSelector("#movement-form .field-error[data-field='quantity']")).size() == 1);
        WebElement quantity = form.findElement(By.name("quantity"));
        quantity.clear();
        quantity.sendKeys("12");
        form.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.textToBe(By.id("product-stock"), Long.toString(stock + 12)));
        String newest = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#stock-ledger tbody tr"))).getText();
        assertTrue(newest, newest.contains("Receipt") && newest.contains("+12") && newest.contains("warehouse"));
        ui.screenshot("warehouse-receipt-english");
        assertEquals(stock + 12, ((Number) product(sku).get("stock")).longValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    public void e_theWarehouseEntersACountOnTheCountsPageAndSeesTheDifference() throws IOException {
        // The count schedule generates today's task over the demo products at start; wait for it (bounded).
        Instant deadline = Instant.now().plus(CATALOG_READY);
        Map<String, Object> task = null;
        String last = "";
        while (task == null) {
            ConsoleAssembly.Response r = wubu.request("GET", "/api/catalog/counts?status=open&limit=1", null,
                    ConsoleAssembly.basic("warehouse", DEMO));
            last = r.status() + " " + r.body();
            List<Map<String, Object>> items = r.status() == 200 ? (List<Map<String, Object>>) json(r.body()).get("items") : List.of();
            if (!items.isEmpty() && ((Number) items.get(0).get("lines")).intValue() > 0) {
                task = items.get(0);
            } else if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no open count task with lines within " + CATALOG_READY + " (last: " + last + ")");
            } else {
                sleepQuietly(500);
            }
        }
        long id = ((Number) task.get("id")).longValue();
        ConsoleAssembly.Response r = wubu.request("GET", "/api/catalog/counts/" + id, null, ConsoleAssembly.basic("warehouse", DEMO));
        assertEquals(r.body(), 200, r.status());
        List<Map<String, Object>> lines = (List<Map<String, Object>>) json(r.body()).get("items");
        // a line on the page's first page of lines (50), not counted yet
        String sku = (String) lines.stream().limit(50).filter(l -> l.get("counted") == null && l.get("notCountedReason") == null)
                .findFirst().orElseThrow(() -> new AssertionError("no open line in task " + id)).get("sku");
        long stock = ((Number) product(sku).get("stock")).longValue();
        long counted = stock >= 2 ? stock - 2 : stock + 3;
        String difference = stock >= 2 ? "-2" : "+3";

        ui.fresh();
        ui.login("warehouse", DEMO);
        ui.awaitPage("dashboard");
        ui.open("/console/catalog/counts");
        ui.awaitPage("catalog.counts");
        WebElement link = ui.await().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#counts-table a.count-link[data-task='" + id + "']")));
        String row = link.findElement(By.xpath("./ancestor::tr")).getText();
        assertTrue(row, row.contains("今日到期") || row.contains("已逾期"));
        link.click();
        ui.awaitPage("catalog.counts");
        ui.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#count-head h1"), "#" + id));
        ui.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.count-enter[data-sku='" + sku + "']"))).click();
        WebElement form = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("count-form")));
        form.findElement(By.name("counted")).sendKeys(Long.toString(counted));
        form.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.textToBe(By.cssSelector(".count-difference[data-sku='" + sku + "']"), difference));
        ui.screenshot("warehouse-count-difference");
        assertEquals(counted, ((Number) product(sku).get("stock")).longValue());
    }

    // ------------------------------------------------------------------------------------------------

    static final String CATALOG_BUNDLE = "org.wubu.catalog";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstListed() {
        ConsoleAssembly.Response r = wubu.request("GET", "/api/catalog/products?status=LISTED&limit=1", null, ConsoleAssembly.basic("planner", DEMO));
        assertEquals(r.body(), 200, r.status());
        return ((List<Map<String, Object>>) json(r.body()).get("items")).get(0);
    }

    private static Map<String, Object> product(String sku) {
        ConsoleAssembly.Response r = wubu.request("GET", "/api/catalog/products/" + sku, null, ConsoleAssembly.basic("planner", DEMO));
        assertEquals(r.body(), 200, r.status());
        return json(r.body());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> history(String sku) {
        ConsoleAssembly.Response r = wubu.request("GET", "/api/catalog/products/" + sku + "/price-history", null,
                ConsoleAssembly.basic("planner", DEMO));
        assertEquals(r.body(), 200, r.status());
        return (List<Map<String, Object>>) json(r.body()).get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> latestProposal(String sku) {
        ConsoleAssembly.Response r = wubu.request("GET", "/api/catalog/products/" + sku + "/price-proposals?limit=1", null,
                ConsoleAssembly.basic("planner", DEMO));
        assertEquals(r.body(), 200, r.status());
        return ((List<Map<String, Object>>) json(r.body()).get("items")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static String amount(Object money) {
        return (String) ((Map<String, Object>) money).get("amount");
    }

    /** The approval is carried out by the engine after the decision (asynchronously): wait for it, bounded. */
    private static void awaitProposalStatus(long id, PriceProposalStatus status) {
        new WebDriverWait(driver, WAIT, Duration.ofMillis(250)).until(d -> status.name().equals(
                json(wubu.request("GET", "/api/catalog/price-proposals/" + id, null, ConsoleAssembly.basic("planner", DEMO)).body()).get("status")));
    }

    private static String quote(String s) {
        return ConsoleUi.toJson(s);
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
