package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The duty roster page (值班表) in a real browser (headless Debian Chromium, Selenium) against the real distribution
 * in demo mode: the CS manager sees the week with the demo shifts, assigns the agent a shift next week with the form
 * (the page moves to that week and shows it), is refused the same shift again with the clash next to the start,
 * removes it with a reason (refused without one); a planner sees the roster without the form or remove buttons.
 * Screenshots go to {@code target/screenshots/roster-*.png}. Every wait is bounded.
 */
public class RosterBrowserIT {

    static final String DEMO = ConsoleBrowserIT.DEMO;
    static final Duration READY = Duration.ofSeconds(90);
    static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

    private static ConsoleBrowser session;
    private static ConsoleAssembly wubu;
    private static WebDriver driver;
    private static ConsoleUi ui;

    @BeforeClass
    public static void start() throws Exception {
        session = ConsoleBrowser.start("roster-browser-it", READY, RosterBrowserIT::notReadyBecause, "chromedriver-roster.log", 1000,
                Duration.ofSeconds(90), "roster-", true);
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

    /** Null once the roster console page is running and the demo roster answers, else what was seen. */
    private static String notReadyBecause(ConsoleAssembly wubu) {
        ConsoleAssembly.Response now = wubu.request("GET", "/api/roster/now", null, ConsoleAssembly.basic("csmanager", DEMO));
        boolean active = ConsoleBrowser.active(wubu, "org.wubu.roster.console");
        return active && now.status() == 200 ? null : "console bundle active " + active + ", roster " + now.status();
    }

    @Test
    public void theCsManagerAssignsAndRemovesAShiftAndAPlannerOnlyReads() throws IOException {
        try {
            scenario();
        } catch (RuntimeException | AssertionError e) {
            ui.screenshot("failed");
            List<WebElement> toasts = driver.findElements(By.cssSelector("#toasts .toast"));
            throw new AssertionError(e.getMessage() + "\n page toasts: "
                    + toasts.stream().map(WebElement::getText).collect(Collectors.joining(" | ")), e);
        }
    }

    private void set(WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    private void scenario() throws IOException {
        LocalDate today = LocalDate.now(SHOP);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // Next week's Wednesday: the demo gives the agent weekend shifts only.
        String day = monday.plusDays(9).toString();

        ui.fresh();
        ui.login("csmanager", DEMO);
        ui.open("/console/roster");
        ui.awaitPage("roster");
        assertEquals("a week, day by day", 7, driver.findElements(By.cssSelector("#roster-week-table tbody tr")).size());
        assertTrue("the demo roster has the CS manager on duty today",
                ui.present(By.cssSelector("#roster-week-table tr[data-day='" + today + "'] li[data-username='csmanager'][data-role='cs-manager']")));
        assertTrue(ui.text(By.id("roster-now")).contains("在线客服服务时间 08:30–21:00"));
        ui.screenshot("week");

        WebElement form = driver.findElement(By.id("roster-assign"));
        form.findElement(By.name("username")).sendKeys("agent");
        new Select(form.findElement(By.name("role"))).selectByValue("cs-agent");
        set(form.findElement(By.name("day")), day);
        set(form.findElement(By.name("start")), "10:00");
        set(form.findElement(By.name("end")), "12:00");
        form.findElement(By.name("note")).sendKeys("浏览器测试");
        driver.findElement(By.id("roster-assign-submit")).click();
        By assigned = By.cssSelector("#roster-week-table tr[data-day='" + day + "'] li[data-username='agent'][data-role='cs-agent']");
        WebElement shift = ui.await().until(ExpectedConditions.presenceOfElementLocated(assigned));
        assertTrue(shift.getText(), shift.getText().contains("10:00–12:00") && shift.getText().contains("浏览器测试"));
        ui.screenshot("assigned");

        // The same shift again: the server's clash is shown next to the start.
        driver.findElement(By.id("roster-assign-submit")).click();
        WebElement clash = ui.await().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#roster-assign .field-error[data-field='start']")));
        assertTrue(clash.getText(), clash.getText().contains("agent") && clash.getText().contains("10:00"));
        ui.screenshot("clash");

        // Remove it: a reason is required.
        ui.clickFresh(By.cssSelector("#roster-week-table tr[data-day='" + day + "'] li[data-username='agent'] button.remove-shift"));
        WebElement dialog = ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("roster-remove")));
        dialog.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#roster-remove .field-error[data-field='reason']")));
        dialog.findElement(By.name("reason")).sendKeys("客服专员请假");
        dialog.findElement(By.cssSelector("[data-role='submit']")).click();
        ui.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("roster-remove")));
        ui.await().until(d -> d.findElements(assigned).isEmpty());
        ConsoleAssembly.Response week = wubu.request("GET", "/api/roster/shifts?from=" + day + "&to=" + day, null,
                ConsoleAssembly.basic("csmanager", DEMO));
        assertFalse(week.body(), week.body().contains("\"username\":\"agent\""));
        ui.screenshot("removed");

        // A planner reads the roster, and may change nothing.
        ui.fresh();
        ui.login("planner", DEMO);
        ui.open("/console/roster");
        ui.awaitPage("roster");
        assertEquals(7, driver.findElements(By.cssSelector("#roster-week-table tbody tr")).size());
        assertFalse("no assign form", ui.present(By.id("roster-assign")));
        assertFalse("no remove buttons", ui.present(By.cssSelector("button.remove-shift")));
        ui.screenshot("planner");
    }
}
