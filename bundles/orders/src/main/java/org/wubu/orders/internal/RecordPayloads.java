package org.wubu.orders.internal;

import java.util.List;
import java.util.Map;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderStatus;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.ValidationException;

/** What a record's payload must hold, by kind, and how it must relate to the order's other records. */
final class RecordPayloads {

    static final int MAX_TEXT = 2000;

    private RecordPayloads() {
    }

    /** Checks that need only the draft. */
    static void check(RecordKind kind, RecordDraft d) {
        switch (kind) {
            case NOTE -> text(d, "text");
            case AMENDMENT -> {
                if (d.corrects() == null) {
                    throw new ValidationException("an amendment names the record it corrects (corrects: the record id)",
                            Map.of("corrects", "missing"));
                }
                text(d, "reason");
            }
            case PAYMENT_FLAGGED, PAYMENT_FLAG_RESOLVED, CANCELLED -> text(d, "reason");
            default -> {
                // the other kinds carry what their workflow puts in them
            }
        }
        if (kind != RecordKind.AMENDMENT && d.corrects() != null) {
            throw new ValidationException("only an AMENDMENT corrects another record; a " + kind + " does not",
                    Map.of("corrects", "not allowed"));
        }
    }

    /** Checks against the order's records (under the chain lock, so they cannot change meanwhile). */
    static void checkAgainst(RecordKind kind, RecordDraft d, List<OrderRecord> records, OrderStatus status) {
        if (kind == RecordKind.AMENDMENT && records.stream().noneMatch(r -> r.id() == d.corrects())) {
            throw new ValidationException("record " + d.corrects() + " is not a record of order " + records.get(0).orderId()
                    + "; an amendment corrects a record of the same order", Map.of("corrects", "not in this order"));
        }
        if (kind == RecordKind.PAYMENT_FLAG_RESOLVED) {
            Object flag = d.payload().get("flag");
            if (status.openPaymentFlags().isEmpty()) {
                throw new ValidationException("the order has no open payment flag to resolve", Map.of("flag", "none open"));
            }
            if (flag != null && !status.openPaymentFlags().contains(toLong(flag))) {
                throw new ValidationException("record " + flag + " is not an open payment flag of this order (open: "
                        + status.openPaymentFlags() + ")", Map.of("flag", "not open"));
            }
        }
    }

    private static long toLong(Object v) {
        try {
            return v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ValidationException("flag must be the id of a PAYMENT_FLAGGED record (got '" + v + "')", Map.of("flag", "not a number"));
        }
    }

    private static void text(RecordDraft d, String field) {
        Object v = d.payload().get(field);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new ValidationException(field + " is required", Map.of(field, "missing"));
        }
        if (s.length() > MAX_TEXT) {
            throw new ValidationException(field + " is longer than " + MAX_TEXT + " characters", Map.of(field, "too long"));
        }
    }
}
