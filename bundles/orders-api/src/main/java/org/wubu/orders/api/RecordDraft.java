package org.wubu.orders.api;

import java.util.Map;

/**
 * A record to append to an order with {@link OrderService#append}.
 *
 * @param kind     anything but {@link RecordKind#CREATED} (only intake creates orders)
 * @param payload  the facts of the record: strings, numbers, booleans, lists and maps of these;
 *                 stored as canonical JSON (keys sorted). {@link RecordKind#NOTE} needs {@code text};
 *                 {@link RecordKind#AMENDMENT} needs {@code reason}
 * @param corrects for an {@link RecordKind#AMENDMENT}: the id of the record of the same order it corrects; else null
 */
public record RecordDraft(RecordKind kind, Map<String, Object> payload, Long corrects) {

    public RecordDraft {
        payload = payload == null ? Map.of() : payload;
    }

    public static RecordDraft of(RecordKind kind, Map<String, Object> payload) {
        return new RecordDraft(kind, payload, null);
    }

    public static RecordDraft note(String text) {
        return new RecordDraft(RecordKind.NOTE, Map.of("text", text), null);
    }

    public static RecordDraft amendment(long corrects, String reason, Map<String, Object> changes) {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>(changes == null ? Map.of() : changes);
        p.put("reason", reason);
        return new RecordDraft(RecordKind.AMENDMENT, p, corrects);
    }
}
