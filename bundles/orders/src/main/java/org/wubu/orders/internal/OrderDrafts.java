package org.wubu.orders.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.wubu.orders.api.Customer;
import org.wubu.orders.api.OrderDraft;
import org.wubu.orders.api.OrderLineDraft;
import org.wubu.orders.api.Payment;
import org.wubu.orders.api.OrderService;
import org.wubu.platform.api.ValidationException;

/**
 * Checks an order draft field by field (every bad field named, {@code lines[2].quantity}), returns it
 * trimmed, and fingerprints it for idempotency: the SHA-256 of its canonical JSON, so that the same
 * order sent again with other whitespace or key order is still "the same body".
 */
final class OrderDrafts {

    static final String DEFAULT_SOURCE = "api";
    static final long MAX_QUANTITY = 10_000;
    private static final String PHONE = "[0-9+()\\- ]{5,30}";
    private static final String KEY = "[\\x21-\\x7E]{1," + OrderService.MAX_KEY_LENGTH + "}";

    private OrderDrafts() {
    }

    /** The idempotency key, checked: 1 to 200 visible ASCII characters. */
    static String key(String key) {
        if (key == null || key.isBlank()) {
            throw new ValidationException("the Idempotency-Key header is required: a unique value per order, the same when"
                    + " the same order is sent again", Map.of("Idempotency-Key", "missing"));
        }
        String k = key.trim();
        if (!k.matches(KEY)) {
            throw new ValidationException("the Idempotency-Key must be 1 to " + OrderService.MAX_KEY_LENGTH
                    + " visible ASCII characters without spaces", Map.of("Idempotency-Key", "invalid"));
        }
        return k;
    }

    static OrderDraft validate(OrderDraft d, int maxLines, Currency shopCurrency) {
        if (d == null) {
            throw new ValidationException("the order is missing", Map.of("order", "missing"));
        }
        Map<String, Object> errors = new LinkedHashMap<>();
        Customer customer = null;
        if (d.customer() == null) {
            errors.put("customer", "missing: name and phone");
        } else {
            String name = text(errors, "customer.name", d.customer().name(), 200, true);
            String phone = text(errors, "customer.phone", d.customer().phone(), 30, true);
            if (phone != null && !phone.matches(PHONE)) {
                errors.put("customer.phone", "must be 5 to 30 digits, spaces, +, - or brackets");
            }
            customer = new Customer(name, phone);
        }
        String address = text(errors, "address", d.address(), 1000, true);
        List<OrderLineDraft> lines = new ArrayList<>();
        if (d.lines() == null || d.lines().isEmpty()) {
            errors.put("lines", "missing: at least one line");
        } else if (d.lines().size() > maxLines) {
            errors.put("lines", "at most " + maxLines + " lines (got " + d.lines().size() + ")");
        } else {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < d.lines().size(); i++) {
                OrderLineDraft l = d.lines().get(i);
                String f = "lines[" + i + "]";
                if (l == null) {
                    errors.put(f, "missing");
                    continue;
                }
                String sku = text(errors, f + ".sku", l.sku(), 64, true);
                if (sku != null) {
                    Integer first = seen.putIfAbsent(sku, i);
                    if (first != null) {
                        errors.put(f + ".sku", sku + " is already on line " + first + "; put the whole quantity on one line");
                    }
                }
                if (l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
                    errors.put(f + ".quantity", "must be 1 to " + MAX_QUANTITY + " (got " + l.quantity() + ")");
                }
                if (l.unitPrice() == null) {
                    errors.put(f + ".unitPrice", "missing");
                } else if (!l.unitPrice().isPositive()) {
                    errors.put(f + ".unitPrice", "must be more than 0");
                } else if (!l.unitPrice().currency().equals(shopCurrency)) {
                    errors.put(f + ".unitPrice", "must be in " + shopCurrency.getCurrencyCode());
                }
                lines.add(new OrderLineDraft(sku, l.quantity(), l.unitPrice()));
            }
        }
        Payment payment = null;
        if (d.payment() == null) {
            errors.put("payment", "missing: method, amount, transactionRef");
        } else {
            String method = text(errors, "payment.method", d.payment().method(), 50, true);
            if (d.payment().amount() == null) {
                errors.put("payment.amount", "missing");
            } else if (d.payment().amount().amount().signum() < 0) {
                errors.put("payment.amount", "must not be negative");
            } else if (!d.payment().amount().currency().equals(shopCurrency)) {
                errors.put("payment.amount", "must be in " + shopCurrency.getCurrencyCode());
            }
            // Cash on delivery has no transaction yet; every other method names its transaction (ORD-6 checks duplicates).
            boolean cod = "cod".equalsIgnoreCase(method);
            String ref = text(errors, "payment.transactionRef", d.payment().transactionRef(), 200, !cod);
            payment = new Payment(method, d.payment().amount(), ref == null ? "" : ref);
        }
        String note = text(errors, "note", d.note(), 2000, false);
        String source = text(errors, "source", d.source(), 100, false);
        if (!errors.isEmpty()) {
            throw new ValidationException("the order is not valid: " + errors.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")), errors);
        }
        return new OrderDraft(customer, address, lines, payment, note, source == null ? DEFAULT_SOURCE : source);
    }

    /** SHA-256 of the validated draft's canonical JSON, 64 hex digits. */
    static String fingerprint(OrderDraft d) {
        Map<String, Object> m = new TreeMap<>();
        m.put("customer", Map.of("name", d.customer().name(), "phone", d.customer().phone()));
        m.put("address", d.address());
        m.put("lines", d.lines().stream().map(l -> Map.<String, Object>of("sku", l.sku(), "quantity", l.quantity(),
                "unitPrice", l.unitPrice().amount().toPlainString(), "currency", l.unitPrice().currency().getCurrencyCode()))
                .collect(Collectors.toList()));
        m.put("payment", Map.of("method", d.payment().method(), "amount", d.payment().amount().amount().toPlainString(),
                "currency", d.payment().amount().currency().getCurrencyCode(), "transactionRef", d.payment().transactionRef()));
        m.put("note", d.note());
        m.put("source", d.source());
        return sha256(CanonicalJson.write(m));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String text(Map<String, Object> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.put(field, "missing");
            }
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            errors.put(field, "longer than " + max + " characters");
        }
        return v;
    }
}
