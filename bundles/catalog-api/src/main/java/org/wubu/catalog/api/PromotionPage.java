package org.wubu.catalog.api;

import java.util.List;

/** One page of promotions and the id to continue before, or null on the last page. */
public record PromotionPage(List<Promotion> items, Long nextBefore) {

    public PromotionPage {
        items = List.copyOf(items);
    }
}
