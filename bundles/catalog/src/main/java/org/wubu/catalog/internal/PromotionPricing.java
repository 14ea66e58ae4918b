package org.wubu.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.wubu.catalog.api.PromotionKind;
import org.wubu.platform.api.Money;

/**
 * The price rules of promotions (CAT-4), free of storage: what a promotion makes of a list price, and
 * which category paths cover a product.
 */
final class PromotionPricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PromotionPricing() {
    }

    /**
     * The price a promotion sets: a percentage off rounded HALF_UP to the currency's minor unit, or the
     * fixed price; never below one minor unit (0.01 CNY) and never above the list price (a promotion does
     * not raise a price). A fixed price in another currency leaves the list price.
     */
    static Money effective(Money list, PromotionKind kind, Integer percentOff, Money fixedPrice) {
        int digits = Math.max(list.currency().getDefaultFractionDigits(), 0);
        BigDecimal floor = BigDecimal.ONE.movePointLeft(digits);
        BigDecimal amount;
        if (kind == PromotionKind.PERCENT && percentOff != null) {
            amount = list.amount().multiply(HUNDRED.subtract(BigDecimal.valueOf(percentOff))).divide(HUNDRED, digits,
                    RoundingMode.HALF_UP);
        } else if (kind == PromotionKind.FIXED_PRICE && fixedPrice != null && fixedPrice.currency().equals(list.currency())) {
            amount = fixedPrice.amount();
        } else {
            return list;
        }
        amount = amount.min(list.amount()).max(floor);
        return new Money(amount.setScale(digits, RoundingMode.HALF_UP), list.currency());
    }

    /** The category paths that cover a product of this category: {@code tea/green/x} → tea, tea/green, tea/green/x. */
    static List<String> prefixes(String category) {
        List<String> out = new ArrayList<>();
        if (category == null || category.isBlank()) {
            return out;
        }
        String c = normalCategory(category);
        int slash = c.indexOf('/');
        while (slash > 0) {
            out.add(c.substring(0, slash));
            slash = c.indexOf('/', slash + 1);
        }
        out.add(c);
        return out;
    }

    /** Whether one category target covers the other's products (equal, or one is a sub-category path of the other). */
    static boolean nested(String a, String b) {
        return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
    }

    /** A category path without surrounding blanks and slashes: {@code " /tea/green/ "} → {@code tea/green}. */
    static String normalCategory(String c) {
        return c.trim().replaceAll("^/+|/+$", "");
    }
}
