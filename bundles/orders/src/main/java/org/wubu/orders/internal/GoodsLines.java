package org.wubu.orders.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.wubu.platform.api.ValidationException;

/**
 * Goods counted by SKU: what was scanned or typed at the packing table, what came back in a return,
 * what an order holds. The same SKU on several lines counts once with the quantities added, so a
 * packer who scans a product twice is not refused for it.
 */
final class GoodsLines {

    /** Most lines a packing or return may name. */
    static final int MAX_LINES = 200;
    static final int MAX_SKU = 64;

    /** One line as sent: a SKU and how many. */
    record Line(String sku, Long quantity) {
    }

    /** A SKU whose count differs: what was expected and what was found. */
    record Difference(String sku, long expected, long found) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sku", sku);
            m.put("expected", expected);
            m.put("found", found);
            return m;
        }

        String describe() {
            return found == 0 ? sku + " missing (expected " + expected + ")"
                    : expected == 0 ? sku + " not in the order (found " + found + ")"
                    : sku + " " + found + " instead of " + expected;
        }
    }

    private GoodsLines() {
    }

    /**
     * The lines as quantities per SKU, in the order first seen; every bad line is named
     * ({@code lines[i].sku}, {@code lines[i].quantity}) in one {@link ValidationException}.
     */
    static Map<String, Long> count(String field, List<Line> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new ValidationException(field + " needs at least one line {sku, quantity}", Map.of(field, "missing"));
        }
        if (lines.size() > MAX_LINES) {
            throw new ValidationException(field + " has more than " + MAX_LINES + " lines", Map.of(field, "too many"));
        }
        Map<String, Object> errors = new LinkedHashMap<>();
        Map<String, Long> counted = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String f = field + "[" + i + "]";
            if (l == null) {
                errors.put(f, "missing");
                continue;
            }
            String sku = l.sku() == null ? "" : l.sku().trim();
            if (sku.isEmpty()) {
                errors.put(f + ".sku", "missing");
            } else if (sku.length() > MAX_SKU) {
                errors.put(f + ".sku", "longer than " + MAX_SKU + " characters");
            }
            if (l.quantity() == null) {
                errors.put(f + ".quantity", "missing");
            } else if (l.quantity() < 1 || l.quantity() > 1_000_000) {
                errors.put(f + ".quantity", "must be between 1 and 1000000 (got " + l.quantity() + ")");
            }
            if (!errors.containsKey(f + ".sku") && !errors.containsKey(f + ".quantity")) {
                counted.merge(sku, l.quantity(), Long::sum);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("bad " + field + ": " + errors, errors);
        }
        return counted;
    }

    /** Every SKU whose count differs between what was expected and what was found, sorted by SKU. */
    static List<Difference> compare(Map<String, Long> expected, Map<String, Long> found) {
        List<Difference> out = new ArrayList<>();
        TreeSet<String> skus = new TreeSet<>(expected.keySet());
        skus.addAll(found.keySet());
        for (String sku : skus) {
            long e = expected.getOrDefault(sku, 0L);
            long f = found.getOrDefault(sku, 0L);
            if (e != f) {
                out.add(new Difference(sku, e, f));
            }
        }
        return out;
    }

    /** The counts as payload lines: {@code [{"sku":..,"quantity":..}]}. */
    static List<Map<String, Object>> payload(Map<String, Long> counts) {
        List<Map<String, Object>> out = new ArrayList<>();
        counts.forEach((sku, q) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sku", sku);
            m.put("quantity", q);
            out.add(m);
        });
        return out;
    }
}
