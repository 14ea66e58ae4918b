package org.wubu.orders.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wubu.platform.api.ValidationException;

/**
 * Record payloads as canonical JSON: object keys sorted at every level, no blanks, decimals written
 * plainly. The same facts always give the same text, so the text can be hashed and compared.
 */
final class CanonicalJson {

    /** The longest payload a record holds (the column is VARCHAR(32000)). */
    static final int MAX_LENGTH = 32000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private CanonicalJson() {
    }

    /** Writes maps, lists, strings, numbers, booleans and nulls; anything else is refused. */
    static String write(Map<String, Object> value) {
        check("payload", value);
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ValidationException("the payload cannot be written as JSON: " + e.getOriginalMessage(),
                    Map.of("payload", "not JSON"));
        }
    }

    static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void check(String path, Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof BigDecimal || v instanceof Short) {
            return;
        }
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new ValidationException(path + " has a key that is not text", Map.of(path, "bad key"));
                }
                check(path + "." + e.getKey(), e.getValue());
            }
            return;
        }
        if (v instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                check(path + "[" + i++ + "]", o);
            }
            return;
        }
        if (v instanceof Double || v instanceof Float) {
            throw new ValidationException(path + " is a floating-point number; write amounts as decimal strings",
                    Map.of(path, "not exact"));
        }
        throw new ValidationException(path + " holds a " + v.getClass().getSimpleName()
                + "; payloads hold text, whole numbers, decimals, booleans, lists and maps", Map.of(path, "unsupported"));
    }
}
