package org.wubu.orders.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.wubu.orders.api.OrderNote;
import org.wubu.orders.api.OrderRecord;
import org.wubu.platform.api.Money;

/**
 * The JSON shapes of the workflow's REST answers (docs/orders-workflow-api.md) and the reading of
 * record payloads: maps in a stable key order, times in the shop's zone, money as
 * {@code {"amount":"129.00","currency":"CNY"}}. Records look as they do on {@code /api/orders/{id}/records}.
 */
final class WorkJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The orders API's own shapes: a workflow answer shows times, money, records and notes exactly as they do. */
    private final OrderJson orders;

    WorkJson(ZoneId zone) {
        this.orders = new OrderJson(zone);
    }

    String at(Instant i) {
        return orders.at(i);
    }

    Map<String, Object> record(OrderRecord r) {
        return orders.record(r);
    }

    Map<String, Object> note(OrderNote n) {
        return orders.note(n);
    }

    /** A record's payload as a tree (an empty object when it is not JSON, which the orders store never writes). */
    static JsonNode payload(OrderRecord r) {
        try {
            JsonNode n = JSON.readTree(r.payload());
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> payloadMap(OrderRecord r) {
        return JSON.convertValue(payload(r), Map.class);
    }

    /** Money in a payload ({@code {"amount":"..","currency":".."}}), or null. */
    static Money money(JsonNode n) {
        if (n == null || !n.hasNonNull("amount")) {
            return null;
        }
        return Money.of(n.path("amount").asText(), n.path("currency").asText("CNY"));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
