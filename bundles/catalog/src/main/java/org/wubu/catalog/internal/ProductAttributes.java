package org.wubu.catalog.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.wubu.catalog.api.ProductAttribute;

/**
 * A product's attributes: checked (each problem named by the attribute's position and name), and kept as a
 * JSON array in CAT_PRODUCT.ATTRIBUTES so that they are read and written with the product under its lock.
 */
final class ProductAttributes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProductAttributes() {
    }

    /**
     * The attributes trimmed, or the problems added to {@code errors} under keys like
     * {@code attributes[2].nameEn} ("attribute 3 (产地/Origin): nameEn missing").
     */
    static List<ProductAttribute> validate(List<ProductAttribute> attributes, Map<String, Object> errors) {
        List<ProductAttribute> out = new ArrayList<>();
        if (attributes == null) {
            return out;
        }
        if (attributes.size() > ProductAttribute.MAX_PER_PRODUCT) {
            errors.put("attributes", "at most " + ProductAttribute.MAX_PER_PRODUCT + " attributes (got " + attributes.size() + ")");
            return out;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < attributes.size(); i++) {
            ProductAttribute a = attributes.get(i);
            String key = "attributes[" + i + "]";
            if (a == null) {
                errors.put(key, "attribute " + (i + 1) + " is empty");
                continue;
            }
            String label = "attribute " + (i + 1) + " (" + text(a.nameZh()) + "/" + text(a.nameEn()) + ")";
            Map<String, Object> bad = new LinkedHashMap<>();
            check(bad, "nameZh", a.nameZh(), ProductAttribute.MAX_NAME);
            check(bad, "nameEn", a.nameEn(), ProductAttribute.MAX_NAME);
            check(bad, "valueZh", a.valueZh(), ProductAttribute.MAX_VALUE);
            check(bad, "valueEn", a.valueEn(), ProductAttribute.MAX_VALUE);
            bad.forEach((field, problem) -> errors.put(key + "." + field, label + ": " + field + " " + problem));
            if (!bad.isEmpty()) {
                continue;
            }
            ProductAttribute trimmed = new ProductAttribute(a.nameZh().trim(), a.nameEn().trim(), a.valueZh().trim(), a.valueEn().trim());
            if (!names.add(trimmed.nameZh()) | !names.add("en:" + trimmed.nameEn().toLowerCase(Locale.ROOT))) {
                errors.put(key, label + ": the product has this attribute already");
                continue;
            }
            out.add(trimmed);
        }
        return out;
    }

    private static void check(Map<String, Object> bad, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            bad.put(field, "missing");
        } else if (value.trim().length() > max) {
            bad.put(field, "longer than " + max + " characters");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    static String toJson(List<ProductAttribute> attributes) {
        ArrayNode array = JSON.createArrayNode();
        for (ProductAttribute a : attributes) {
            ObjectNode o = array.addObject();
            o.put("nameZh", a.nameZh());
            o.put("nameEn", a.nameEn());
            o.put("valueZh", a.valueZh());
            o.put("valueEn", a.valueEn());
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ProductAttribute> fromJson(String json) {
        List<ProductAttribute> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try {
            for (JsonNode n : JSON.readTree(json)) {
                out.add(new ProductAttribute(n.path("nameZh").asText(""), n.path("nameEn").asText(""),
                        n.path("valueZh").asText(""), n.path("valueEn").asText("")));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not JSON: " + e.getMessage(), e);
        }
        return out;
    }

    /** How an attribute is named in the edit history: {@code attribute:产地/Origin}. */
    static String field(ProductAttribute a) {
        return "attribute:" + a.nameZh() + "/" + a.nameEn();
    }

    /** How its value is shown in the edit history: {@code 杭州/Hangzhou}. */
    static String value(ProductAttribute a) {
        return a.valueZh() + "/" + a.valueEn();
    }
}
