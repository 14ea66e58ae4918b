package org.wubu.orders.seal.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.RecordKind;

/**
 * One line of records.jsonl: every field of an {@link OrderRecord} in a fixed order, the payload as
 * the exact string that was hashed, times as UTC ISO-8601 exactly as the chain hashes them. Whoever
 * has the file can recompute each record's hash without the database.
 */
final class RecordLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordLines() {
    }

    static String line(OrderRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("orderId", r.orderId());
        m.put("sequence", r.sequence());
        m.put("kind", r.kind().name());
        m.put("occurredAt", r.occurredAt().toString());
        m.put("actor", r.actor());
        m.put("corrects", r.corrects());
        m.put("payload", r.payload());
        m.put("previousOrderHash", r.previousOrderHash());
        m.put("previousGlobalHash", r.previousGlobalHash());
        m.put("hash", r.hash());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write record " + r.id() + ": " + e.getMessage(), e);
        }
    }

    /** A line read back; IllegalArgumentException says what is wrong with it. */
    static OrderRecord parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            JsonNode corrects = n.get("corrects");
            return new OrderRecord(number(n, "id"), number(n, "orderId"), (int) number(n, "sequence"),
                    RecordKind.valueOf(text(n, "kind")), text(n, "payload"), text(n, "actor"),
                    Instant.parse(text(n, "occurredAt")), corrects == null || corrects.isNull() ? null : corrects.asLong(),
                    text(n, "previousOrderHash"), text(n, "previousGlobalHash"), text(n, "hash"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurredAt is not a time: " + e.getParsedString());
        }
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is missing or not a number");
        }
        return v.asLong();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + " is missing or not text");
        }
        return v.asText();
    }

    /** The first field in which two records of the same id differ, as "field: file has X, database has Y", or null. */
    static String difference(OrderRecord file, OrderRecord db) {
        String[][] fields = {
            {"orderId", Long.toString(file.orderId()), Long.toString(db.orderId())},
            {"sequence", Integer.toString(file.sequence()), Integer.toString(db.sequence())},
            {"kind", file.kind().name(), db.kind().name()},
            {"occurredAt", file.occurredAt().toString(), db.occurredAt().toString()},
            {"actor", file.actor(), db.actor()},
            {"corrects", String.valueOf(file.corrects()), String.valueOf(db.corrects())},
            {"payload", file.payload(), db.payload()},
            {"previousOrderHash", file.previousOrderHash(), db.previousOrderHash()},
            {"previousGlobalHash", file.previousGlobalHash(), db.previousGlobalHash()},
            {"hash", file.hash(), db.hash()},
        };
        for (String[] f : fields) {
            if (!f[1].equals(f[2])) {
                return f[0] + ": the file has " + shorten(f[1]) + ", the database has " + shorten(f[2]);
            }
        }
        return null;
    }

    private static String shorten(String s) {
        return "'" + (s.length() > 120 ? s.substring(0, 117) + "..." : s) + "'";
    }
}
