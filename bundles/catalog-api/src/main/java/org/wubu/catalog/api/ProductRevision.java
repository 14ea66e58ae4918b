package org.wubu.catalog.api;

import java.time.Instant;
import java.util.List;

/**
 * One version of a product (CAT-7, "edits are versioned: who changed what, when"): the version it produced,
 * what kind of change it was, who made it, when, and each field with its old and new value.
 *
 * @param action {@code created}, {@code edited}, {@code price-applied}, {@code listed} or {@code delisted}
 */
public record ProductRevision(String sku, long version, String action, String changedBy, Instant changedAt,
                              List<FieldChange> changes) {

    public static final String CREATED = "created";
    public static final String EDITED = "edited";
    public static final String PRICE_APPLIED = "price-applied";
    public static final String LISTED = "listed";
    public static final String DELISTED = "delisted";

    public ProductRevision {
        changes = List.copyOf(changes);
    }
}
