package org.wubu.catalog.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.wubu.platform.api.ValidationException;

/** The payload of listing and delisting approvals: {@code {"sku":"TEA-LJ-250","reason":"..."}}. */
record ProductRequests(String sku, String reason) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ProductRequests parse(String payload) {
        JsonNode n;
        try {
            n = payload == null ? null : JSON.readTree(payload);
        } catch (IOException e) {
            throw new ValidationException("the request is not valid JSON: " + e.getMessage(), Map.of("payload", "not JSON"));
        }
        if (n == null || !n.path("sku").isTextual() || n.path("sku").asText().isBlank()) {
            throw new ValidationException("the request names the product's sku", Map.of("sku", "missing"));
        }
        return new ProductRequests(n.path("sku").asText().trim(), n.path("reason").isTextual() ? n.path("reason").asText().trim() : "");
    }
}
