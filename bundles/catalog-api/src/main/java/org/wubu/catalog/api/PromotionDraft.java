package org.wubu.catalog.api;

import java.time.Instant;
import java.util.List;
import org.wubu.platform.api.Money;

/**
 * What the planner proposes (CAT-4).
 *
 * @param nameZh     the name in Chinese, e.g. "春茶节"
 * @param nameEn     the name in English, e.g. "Spring tea festival"
 * @param kind       percentage off or fixed price
 * @param percentOff for {@link PromotionKind#PERCENT}: 1 to 99; null otherwise
 * @param fixedPrice for {@link PromotionKind#FIXED_PRICE}: the promotional price, below the list price of
 *                   every product it covers; null otherwise
 * @param skus       products it covers by SKU (may be empty when categories are given)
 * @param categories category paths it covers: a path covers the products whose category equals it or
 *                   starts with it followed by "/" ({@code tea} covers {@code tea/green})
 * @param startAt    when it starts (inclusive)
 * @param endAt      when it ends (exclusive), after {@code startAt} and in the future
 */
public record PromotionDraft(String nameZh, String nameEn, PromotionKind kind, Integer percentOff, Money fixedPrice,
                             List<String> skus, List<String> categories, Instant startAt, Instant endAt) {

    public PromotionDraft {
        skus = skus == null ? List.of() : List.copyOf(skus);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
