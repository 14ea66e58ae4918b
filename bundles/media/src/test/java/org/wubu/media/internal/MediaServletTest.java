package org.wubu.media.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.wubu.media.internal.MediaFixture.SPECIALIST;
import static org.wubu.media.internal.MediaFixture.WAREHOUSE;
import static org.wubu.media.internal.MediaFixture.png;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.platform.api.Caller;
import org.wubu.testsupport.ServletCall;
import org.wubu.testsupport.ServletCall.Exchange;

public class MediaServletTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Rule
    public final MediaFixture f = new MediaFixture();

    private MediaServlet servlet() {
        return new MediaServlet(f.store, f.clock);
    }

    private Exchange upload(Caller caller, String query, String type, String name, byte[] body, Map<String, String> extra)
            throws IOException {
        Map<String, String> h = new HashMap<>(extra);
        if (type != null) {
            h.put("Content-Type", type);
        }
        if (name != null) {
            h.put("X-File-Name", name);
        }
        return ServletCall.exchange(servlet(), "POST", query, caller, body, h);
    }

    private static JsonNode json(Exchange e) throws IOException {
        return JSON.readTree(e.body());
    }

    @Test
    public void anUploadAnswers201WithTheItemAndGetStreamsItWithSafeHeaders() throws IOException {
        byte[] image = png(700, 7);
        Exchange created = upload(SPECIALIST, "?kind=image", "image/png", "%E9%BE%99%E4%BA%95%20tea.png", image, Map.of());
        assertEquals(created.text(), 201, created.status());
        JsonNode item = json(created);
        String id = item.get("id").asText();
        assertEquals("/api/media/" + id, created.headers().get("Location"));
        assertEquals("image", item.get("kind").asText());
        assertEquals("image/png", item.get("contentType").asText());
        assertEquals(700, item.get("size").asLong());
        assertEquals("the URL-encoded name is decoded", "龙井 tea.png", item.get("originalName").asText());
        assertEquals("specialist", item.get("uploadedBy").asText());
        assertEquals("2026-11-27T10:00+08:00", item.get("uploadedAt").asText());

        Exchange got = ServletCall.exchange(servlet(), "GET", "/" + id, WAREHOUSE, new byte[0], Map.of());
        assertEquals(200, got.status());
        assertArrayEquals(image, got.body());
        assertEquals("image/png", got.headers().get("Content-Type"));
        assertEquals("nosniff", got.headers().get("X-Content-Type-Options"));
        assertEquals("\"" + id + "\"", got.headers().get("ETag"));
        assertTrue(got.headers().get("Cache-Control"), got.headers().get("Cache-Control").contains("max-age="));
        assertEquals("inline; filename*=UTF-8''%E9%BE%99%E4%BA%95%20tea.png", got.headers().get("Content-Disposition"));

        Exchange cached = ServletCall.exchange(servlet(), "GET", "/" + id, WAREHOUSE, new byte[0],
                Map.of("If-None-Match", "\"" + id + "\""));
        assertEquals(304, cached.status());
        assertEquals(0, cached.body().length);

        Exchange info = ServletCall.exchange(servlet(), "GET", "/" + id + "/info", WAREHOUSE, new byte[0], Map.of());
        assertEquals(id, json(info).get("id").asText());
    }

    @Test
    public void overTheLimitIs413NamingItEvenBeforeTheBodyIsRead() throws IOException {
        Exchange declared = upload(SPECIALIST, "?kind=image", "image/png", "big.png", new byte[0],
                Map.of("Content-Length", "6291456"));
        assertEquals(declared.text(), 413, declared.status());
        JsonNode body = json(declared);
        assertEquals("media-too-large", body.get("error").asText());
        assertTrue(body.get("message").asText(), body.get("message").asText().contains("1 KB"));
        assertEquals("图片文件过大：每个图片最大 1 KB", body.get("details").get("zh").asText());
        assertEquals(1024, body.get("details").get("maxBytes").asLong());

        Exchange chunked = upload(SPECIALIST, "?kind=image", "image/png", "big.png", png(5000, 1),
                Map.of("Content-Length", "-1"));
        assertEquals("no length announced: the store stops at the limit", 413, chunked.status());
    }

    @Test
    public void aWrongTypeOrContentIs415() throws IOException {
        Exchange text = upload(SPECIALIST, "?kind=image", "image/png", "notes.png",
                "this is only text".getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(text.text(), 415, text.status());
        assertEquals("media-type-refused", json(text).get("error").asText());
        assertTrue(text.text(), json(text).get("details").get("en").asText().contains("the content is not image/png"));

        Exchange svg = upload(SPECIALIST, "?kind=image", "image/svg+xml", "x.svg", "<svg/>".getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(415, svg.status());
        assertEquals("image/jpeg", json(svg).get("details").get("allowedTypes").get(0).asText());

        Exchange none = upload(SPECIALIST, "?kind=image", null, "x.png", png(10, 1), Map.of());
        assertEquals("no Content-Type: 415", 415, none.status());
    }

    @Test
    public void uploadingNeedsMediaUploadAndAKindReadingNeedsOnlyALogin() throws IOException {
        assertEquals(403, upload(WAREHOUSE, "?kind=image", "image/png", "a.png", png(10, 1), Map.of()).status());
        Exchange noKind = upload(SPECIALIST, "", "image/png", "a.png", png(10, 1), Map.of());
        assertEquals(400, noKind.status());
        assertEquals("missing", json(noKind).get("details").get("kind").asText());
        assertEquals(400, upload(SPECIALIST, "?kind=audio", "image/png", "a.png", png(10, 1), Map.of()).status());

        Exchange limits = ServletCall.exchange(servlet(), "GET", "/limits", WAREHOUSE, new byte[0], Map.of());
        assertEquals(200, limits.status());
        JsonNode l = json(limits);
        assertEquals(1024, l.get("image").get("maxBytes").asLong());
        assertEquals("1 KB", l.get("image").get("maxSize").asText());
        assertEquals("video/mp4", l.get("video").get("allowedTypes").get(0).asText());
        assertEquals("application/pdf", l.get("document").get("allowedTypes").get(0).asText());

        assertEquals(404, ServletCall.exchange(servlet(), "GET", "/" + "a".repeat(64), WAREHOUSE, new byte[0], Map.of()).status());
        assertEquals(404, ServletCall.exchange(servlet(), "GET", "/nothing/here/at-all", WAREHOUSE, new byte[0], Map.of()).status());
    }
}
