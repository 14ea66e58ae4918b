package org.wubu.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * The media store (CMS-9) and product images (CAT-7) on the real assembly, in demo mode: the content
 * specialist uploads a PNG and adds it to a product, which can be proposed for listing only then
 * (before, the refusal names "image"); an image over 5 MB is refused with 413 naming the limit and
 * leaves nothing behind; a text file named .png is refused with 415; demo products have an image.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MediaIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"));
    }

    @Before
    public void demoDataReady() {
        waitForDemoProducts();
        waitForHttp200As("warehouse", "/api/media/limits", WAIT);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}]+)").matcher(json);
        assertTrue(name + " in " + json, m.find());
        return m.group(1).replace("\"", "");
    }

    /** An HTTP answer with a binary body. */
    private static BytesAnswer upload(String user, String kind, String contentType, String fileName, byte[] body) throws IOException {
        return sendBytes("POST", "/api/media?kind=" + kind, user, Map.of("Content-Type", contentType, "X-File-Name", fileName), body);
    }

    /**
     * Announces a large upload the way curl does ({@code Expect: 100-continue}) and reads the answer
     * without sending the body: the server must refuse from the declared length alone.
     * Answers the raw response (status line, headers, body).
     */
    private static String announce(String user, String contentType, long length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", httpPort())) {
            socket.setSoTimeout((int) HTTP_REQUEST_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/media?kind=image HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basicAuthHeader(user, DEMO_PASSWORD)
                    + "\r\nContent-Type: " + contentType + "\r\nX-File-Name: big.png\r\nContent-Length: " + length
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (complete(answer.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no complete answer within " + HTTP_REQUEST_TIMEOUT + ": " + answer, e);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** Whether a raw HTTP response holds its whole body (as Content-Length tells). */
    private static boolean complete(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Matcher m = Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(raw.substring(0, end));
        return m.find() && raw.substring(end + 4).getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(m.group(1));
    }

    /** Files the media store holds under the container's data folder, unfinished uploads included. */
    private static List<Path> mediaFiles() throws IOException {
        Path folder = Path.of(System.getProperty("karaf.data"), "media");
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }

    /**
     * Nothing of a refused upload stays behind: every file that appeared since {@code before} is a stored
     * media item (the demo images are still being written in the background while the tests run).
     */
    private static void assertNothingLeftBehind(List<Path> before) throws IOException, InterruptedException {
        for (Path p : mediaFiles()) {
            if (!before.contains(p) && p.getFileName().toString().endsWith(".part")) {
                // An unfinished upload may be a demo image being written right now: it is renamed or removed within
                // moments. One that stays is what a refused upload must never leave.
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (Files.exists(p) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertFalse("an unfinished upload was left behind: " + p, Files.exists(p));
            } else if (!before.contains(p)) {
                HttpResult info = http("GET", "/api/media/" + p.getFileName() + "/info", null, as("warehouse"));
                assertEquals("a file that is not a stored item was left behind: " + p, 200, info.status());
            }
        }
    }

    @Test
    public void theSpecialistUploadsAPngAndAProductCanBeProposedForListingOnlyWithAnImage() throws Exception {
        HttpResult created = http("POST", "/api/catalog/products", "{\"sku\":\"IT-IMG-1\",\"titleZh\":\"带图新品\","
                + "\"titleEn\":\"Product with a picture\",\"category\":\"gifts/crafts\",\"price\":{\"amount\":\"29.90\",\"currency\":\"CNY\"}}",
                as("specialist"));
        assertEquals(created.toString(), 201, created.status());
        HttpResult receipt = http("POST", "/api/catalog/products/IT-IMG-1/stock-movements",
                "{\"kind\":\"RECEIPT\",\"quantity\":8,\"why\":\"first delivery\"}", as("warehouse"));
        assertEquals(receipt.toString(), 201, receipt.status());

        HttpResult refused = http("POST", "/api/catalog/products/IT-IMG-1/listing-requests", "{\"reason\":\"new\"}", as("planner"));
        assertEquals(refused.toString(), 400, refused.status());
        assertTrue(refused.body(), refused.body().contains("\"image\":\"missing: at least one image\""));
        assertTrue("only the image is missing: " + refused.body(), !refused.body().contains("\"stock\""));

        BytesAnswer uploaded = upload("specialist", "image", "image/png", "%E6%B5%8B%E8%AF%95%20photo.png", TINY_PNG);
        assertEquals(uploaded.text(), 201, uploaded.status());
        String id = field(uploaded.text(), "id");
        assertTrue(id, id.matches("[0-9a-f]{64}"));
        assertEquals("测试 photo.png", field(uploaded.text(), "originalName"));
        assertEquals("/api/media/" + id, uploaded.header("Location"));
        assertEquals(403, upload("warehouse", "image", "image/png", "x.png", TINY_PNG).status());

        BytesAnswer got = sendBytes("GET", "/api/media/" + id, "warehouse", Map.of(), null);
        assertEquals(200, got.status());
        assertArrayEquals(TINY_PNG, got.body());
        assertEquals("image/png", got.header("Content-Type"));
        assertEquals("nosniff", got.header("X-Content-Type-Options"));
        assertTrue(got.header("Cache-Control"), got.header("Cache-Control").contains("max-age"));

        String attach = "{\"mediaId\":\"" + id + "\",\"altZh\":\"带图新品正面\",\"altEn\":\"front view\"}";
        assertEquals("the planner uploads but does not edit products", 403,
                http("POST", "/api/catalog/images/IT-IMG-1", attach, as("planner")).status());
        HttpResult attached = http("POST", "/api/catalog/images/IT-IMG-1", attach, as("specialist"));
        assertEquals(attached.toString(), 201, attached.status());
        HttpResult list = http("GET", "/api/catalog/images/IT-IMG-1", null, as("warehouse"));
        assertEquals(list.toString(), 200, list.status());
        assertTrue(list.body(), list.body().contains("\"mediaId\":\"" + id + "\",\"position\":1,\"altZh\":\"带图新品正面\""));

        HttpResult requested = http("POST", "/api/catalog/products/IT-IMG-1/listing-requests", "{\"reason\":\"new\"}", as("planner"));
        assertEquals(requested.toString(), 201, requested.status());

        HttpResult audit = http("GET", "/api/audit?subject=product:IT-IMG-1&limit=50", null, as("it"));
        assertTrue(audit.body(), audit.body().contains("catalog.product.image.added"));
        HttpResult stored = http("GET", "/api/audit?subject=media:" + id, null, as("it"));
        assertTrue(stored.body(), stored.body().contains("media.stored"));
    }

    @Test
    public void aSixMegabyteImageIsRefusedWith413NamingTheLimitAndLeavesNothingBehind() throws Exception {
        List<Path> before = mediaFiles();
        String refused = announce("specialist", "image/png", 6L * 1024 * 1024);
        assertTrue(refused, refused.startsWith("HTTP/1.1 413 "));
        assertTrue("no \"100 Continue\": the body is not wanted: " + refused, !refused.contains(" 100 "));
        assertEquals("media-too-large", field(refused, "error"));
        assertTrue(refused, refused.contains("5 MB") && refused.contains("图片文件过大"));
        assertNothingLeftBehind(before);

        HttpResult limits = http("GET", "/api/media/limits", null, as("agent"));
        assertEquals(limits.toString(), 200, limits.status());
        assertTrue(limits.body(), limits.body().contains("\"image\":{\"maxBytes\":5242880,\"maxSize\":\"5 MB\""));
    }

    @Test
    public void aTextFileNamedPngIsRefusedWith415() throws Exception {
        List<Path> before = mediaFiles();
        BytesAnswer refused = upload("designer", "image", "image/png", "notes.png",
                "these are my notes, not a picture".getBytes(StandardCharsets.UTF_8));
        assertEquals(refused.text(), 415, refused.status());
        assertEquals("media-type-refused", field(refused.text(), "error"));
        assertTrue(refused.text(), refused.text().contains("the content is not image/png"));
        assertNothingLeftBehind(before);
        assertEquals(415, upload("designer", "image", "image/svg+xml", "logo.svg", "<svg/>".getBytes(StandardCharsets.UTF_8))
                .status());
    }

    @Test
    public void demoProductsHaveAnImage() {
        HttpResult list = waitForAnswer("an image of TEA-LJ-250", "warehouse", "/api/catalog/images/TEA-LJ-250", WAIT,
                r -> r.body().contains("\"mediaId\""));
        assertTrue(list.toString(), list.body().contains("\"position\":1") && list.body().contains("\"contentType\":\"image/png\""));
    }
}
