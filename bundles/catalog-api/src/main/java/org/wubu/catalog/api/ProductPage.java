package org.wubu.catalog.api;

import java.util.List;

/** One page of products and the SKU to continue after, or null on the last page. */
public record ProductPage(List<Product> items, String nextAfter) {

    public ProductPage {
        items = List.copyOf(items);
    }
}
