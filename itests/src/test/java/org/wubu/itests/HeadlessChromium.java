package org.wubu.itests;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its chromedriver, for the console's browser tests: a private
 * profile (deleted on close), no network but 127.0.0.1, Chinese as the browser's language, bounded
 * page-load and script timeouts. One per test class.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final Path profile;
    private final ChromeDriverService service;
    private final WebDriver driver;

    private HeadlessChromium(Path profile, ChromeDriverService service, WebDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** Fails with what to install when Chromium or its driver is missing (.ci/run installs both). */
    static void requireInstalled() {
        for (String exe : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!new File(exe).canExecute()) {
                throw new IllegalStateException(exe + " is missing: apt-get install -y chromium chromium-driver fonts-wqy-zenhei"
                        + " (.ci/run does it)");
            }
        }
    }

    /**
     * Starts a browser with a window of 1280 × {@code height}; chromedriver logs to {@code target/<logName>}.
     * {@code pageLoad} bounds every navigation.
     */
    static HeadlessChromium start(String logName, int height, Duration pageLoad) throws Exception {
        requireInstalled();
        Path profile = Files.createTempDirectory("wubu-chromium-");
        ChromeDriverService service = null;
        try {
            service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .withLogFile(new File("target/" + logName))
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1280," + height, "--user-data-dir=" + profile,
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--lang=zh-CN");
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(pageLoad);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            Files.createDirectories(ConsoleAssembly.screenshots().toPath());
            return new HeadlessChromium(profile, service, driver);
        } catch (Exception | Error e) {
            if (service != null) {
                service.stop();
            }
            delete(profile);
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() throws Exception {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
