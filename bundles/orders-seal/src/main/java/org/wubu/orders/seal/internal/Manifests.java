package org.wubu.orders.seal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.wubu.orders.api.seal.DailySeal;
import org.wubu.platform.api.chain.ChainHead;

/** manifest.json: a {@link DailySeal} with times shown in the window's zone, keys in a fixed order. */
final class Manifests {

    static final int FORMAT = 1;
    /** How the window is to be read, written into every manifest so that the file explains itself. */
    static final String RULE = "from <= occurredAt < to";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Manifests() {
    }

    static byte[] write(DailySeal s) throws IOException {
        ZoneId zone = ZoneId.of(s.zone());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("date", s.date().toString());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("from", shown(s.from(), zone));
        window.put("to", shown(s.to(), zone));
        window.put("zone", s.zone());
        window.put("rule", RULE);
        m.put("window", window);
        m.put("records", s.records());
        m.put("orders", s.orders());
        m.put("firstRecordId", s.firstRecordId());
        m.put("lastRecordId", s.lastRecordId());
        m.put("kinds", new TreeMap<>(s.kinds()));
        Map<String, Object> head = null;
        if (s.chainHead() != null) {
            head = new LinkedHashMap<>();
            head.put("id", s.chainHead().sequence());
            head.put("hash", s.chainHead().hash());
        }
        m.put("chainHead", head);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("name", "records.jsonl");
        file.put("bytes", s.bytes());
        file.put("sha256", s.sha256());
        m.put("file", file);
        m.put("sealedAt", shown(s.sealedAt(), zone));
        m.put("trigger", s.trigger());
        return JSON.writeValueAsBytes(m);
    }

    /** IOException (or IllegalArgumentException) when the manifest is unreadable or incomplete. */
    static DailySeal read(byte[] bytes) throws IOException {
        JsonNode n = JSON.readTree(bytes);
        if (n == null || !n.isObject()) {
            throw new IOException("manifest.json is not a JSON object");
        }
        if (n.path("format").asInt() != FORMAT) {
            throw new IOException("manifest.json has format " + n.path("format") + ", this version reads " + FORMAT);
        }
        Map<String, Long> kinds = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("kinds").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            kinds.put(e.getKey(), e.getValue().asLong());
        }
        JsonNode head = n.get("chainHead");
        ChainHead chainHead = head == null || head.isNull() ? null : new ChainHead(head.path("id").asLong(), required(head, "hash"));
        JsonNode window = n.path("window");
        return new DailySeal(LocalDate.parse(required(n, "date")), required(window, "zone"), instant(window, "from"),
                instant(window, "to"), n.path("records").asLong(), n.path("orders").asLong(), optionalLong(n, "firstRecordId"),
                optionalLong(n, "lastRecordId"), kinds, chainHead, required(n.path("file"), "sha256"),
                n.path("file").path("bytes").asLong(), instant(n, "sealedAt"), n.path("trigger").asText(""));
    }

    private static String shown(Instant t, ZoneId zone) {
        return t.atZone(zone).toOffsetDateTime().toString();
    }

    private static Instant instant(JsonNode n, String field) throws IOException {
        try {
            return OffsetDateTime.parse(required(n, field)).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new IOException(field + " is not a time with offset: " + n.path(field).asText());
        }
    }

    private static String required(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IOException("manifest.json lacks " + field);
        }
        return v.asText();
    }

    private static Long optionalLong(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }
}
