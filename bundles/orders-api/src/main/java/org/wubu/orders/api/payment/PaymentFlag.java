package org.wubu.orders.api.payment;

import java.util.Map;

/**
 * Something abnormal a {@link PaymentCheck} found, in both languages; it becomes the payload of a
 * {@code PAYMENT_FLAGGED} record ({@code rule}, {@code reason} (English), {@code reasonZh}, {@code facts}).
 *
 * @param rule     the rule's id, e.g. {@code amount-mismatch} (lower case, digits, '.', '-')
 * @param reasonZh what is wrong, in Chinese
 * @param reasonEn what is wrong, in English
 * @param facts    the figures behind it, e.g. {@code {"paid":"99.00","total":"129.00"}}: strings, numbers, booleans
 */
public record PaymentFlag(String rule, String reasonZh, String reasonEn, Map<String, Object> facts) {

    public PaymentFlag {
        if (rule == null || !rule.matches("[a-z][a-z0-9.-]{0,59}")) {
            throw new IllegalArgumentException("a payment rule id is lower case letters, digits, '.' and '-', at most 60 (got '" + rule + "')");
        }
        if (reasonEn == null || reasonEn.isBlank()) {
            throw new IllegalArgumentException("payment flag " + rule + " needs a reason");
        }
        reasonZh = reasonZh == null || reasonZh.isBlank() ? reasonEn : reasonZh;
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
