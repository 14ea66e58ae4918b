package org.wubu.itests;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.openqa.selenium.WebDriver;

/**
 * What every browser test class starts once: the unpacked assembly in demo mode ({@link ConsoleAssembly}), a wait
 * until the pages it tests can work, headless Chromium ({@link HeadlessChromium}) and the console helper
 * ({@link ConsoleUi}); closed in reverse order, also when the start fails half-way.
 */
final class ConsoleBrowser implements AutoCloseable {

    /** How often the readiness is asked again. */
    private static final Duration POLL = Duration.ofMillis(500);

    /** One look at whether the platform is ready: null when it is, else what it answered (for the failure). */
    @FunctionalInterface
    interface Readiness {
        String notReadyBecause(ConsoleAssembly wubu) throws Exception;
    }

    final ConsoleAssembly wubu;
    private HeadlessChromium browser;
    WebDriver driver;
    ConsoleUi ui;

    private ConsoleBrowser(ConsoleAssembly wubu) {
        this.wubu = wubu;
    }

    /**
     * Starts the assembly under {@code target/<name>/<time>}, waits at most {@code readyWithin} for {@code ready},
     * then the browser ({@code chromeLog}, window height, page-load timeout) and the console helper.
     */
    static ConsoleBrowser start(String name, Duration readyWithin, Readiness ready, String chromeLog, int height, Duration pageLoad,
                                String screenshotPrefix, boolean retryStale) throws Exception {
        HeadlessChromium.requireInstalled();
        ConsoleBrowser b = new ConsoleBrowser(ConsoleAssembly.start(Path.of("target/" + name + "/" + System.currentTimeMillis())
                .toAbsolutePath()));
        try {
            b.await(readyWithin, ready);
            b.browser = HeadlessChromium.start(chromeLog, height, pageLoad);
            b.driver = b.browser.driver();
            b.ui = new ConsoleUi(b.driver, b.wubu, screenshotPrefix, retryStale);
            return b;
        } catch (Exception | Error e) {
            b.close();
            throw e;
        }
    }

    /** Whether {@code /api/health} lists the bundle as active. */
    boolean active(String bundle) {
        return active(wubu, bundle);
    }

    static boolean active(ConsoleAssembly wubu, String bundle) {
        return wubu.request("GET", "/api/health", null, Map.of()).body().contains("\"" + bundle + "\":\"ACTIVE");
    }

    private void await(Duration within, Readiness ready) throws Exception {
        if (ready == null) {
            return;
        }
        Instant deadline = Instant.now().plus(within);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = ready.notReadyBecause(wubu);
            if (last == null) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("the platform was not ready for the test within " + within + " (last: " + last + ")");
    }

    @Override
    public void close() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            browser = null;
            wubu.close();
        }
    }
}
