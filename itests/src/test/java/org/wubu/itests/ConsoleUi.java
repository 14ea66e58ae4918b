package org.wubu.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests do with the staff console, written once: bounded waits, a fresh browser, login,
 * opening a page and waiting until the shell has drawn it, reading and clicking elements, numbered screenshots.
 * One instance per test class, built once the browser and the assembly run; the screenshot counter is its own.
 */
final class ConsoleUi {

    /** Bound of every wait for the page. */
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final Json JSON = new Json();

    private final WebDriver driver;
    private final ConsoleAssembly wubu;
    private final String screenshotPrefix;
    private final boolean retryStale;
    private int shots;

    /**
     * @param screenshotPrefix put before the number of each screenshot (e.g. {@code "orders-"}), may be empty
     * @param retryStale whether waits read elements again when a live page redrew them meanwhile
     *        (the orders' pages follow their stream and re-render under the test)
     */
    ConsoleUi(WebDriver driver, ConsoleAssembly wubu, String screenshotPrefix, boolean retryStale) {
        this.driver = driver;
        this.wubu = wubu;
        this.screenshotPrefix = screenshotPrefix;
        this.retryStale = retryStale;
    }

    /** A wait bounded by {@link #WAIT}. */
    WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        if (retryStale) {
            wait.ignoring(StaleElementReferenceException.class);
        }
        return wait;
    }

    /** A browser without login, cookies or remembered language. */
    void fresh() {
        driver.get(wubu.url("/console/login"));
        ((JavascriptExecutor) driver).executeScript("localStorage.clear(); sessionStorage.clear();");
        driver.manage().deleteAllCookies();
    }

    /** Logs in on the login page and waits until the console has left it. */
    void login(String user, String password) {
        driver.get(wubu.url("/console/login"));
        fillLogin(user, password);
        await().until(ExpectedConditions.not(ExpectedConditions.urlContains("/console/login")));
    }

    /** Fills and submits the login form already shown (e.g. after a redirect to it), without waiting for the result. */
    void fillLogin(String user, String password) {
        WebElement name = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        // the page's script fills the texts once loaded; wait for it before typing
        await().until(d -> !d.findElement(By.id("login-submit")).getText().isBlank());
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    void open(String path) {
        driver.get(wubu.url(path));
    }

    /** Waits until the shell has drawn the page with this id. */
    void awaitPage(String id) {
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#content[data-page='" + id + "'][data-ready='true']")));
    }

    /** Waits until the page's live stream is connected (the pages that follow their data live). */
    void awaitLive() {
        await().until(d -> "ready".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.live")));
    }

    /** Reloads the dashboard (bounded by {@code bound}) until the menu entry has left or come back. */
    void awaitMenuAfterReload(String id, boolean present, Duration bound) {
        new WebDriverWait(driver, bound, Duration.ofMillis(500)).until(d -> {
            d.get(wubu.url("/console/dashboard"));
            new WebDriverWait(d, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#content[data-ready='true']")));
            return d.findElements(By.id("menu-" + id)).isEmpty() != present;
        });
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    /** Finds and clicks again while the live page re-renders under the finger (a stale element is retried, bounded). */
    void clickFresh(By by) {
        await().until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    /** Saves what the browser shows as {@code target/screenshots/<prefix><nn>-<name>.png}. */
    void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = ConsoleAssembly.screenshots().toPath().resolve(String.format("%s%02d-%s.png", screenshotPrefix, ++shots, name));
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A JSON object of the REST API as a map. */
    static Map<String, Object> json(String body) {
        return JSON.toType(body, Json.MAP_TYPE);
    }

    /** A value as JSON text (a string quoted and escaped). */
    static String toJson(Object value) {
        return JSON.toJson(value);
    }
}
