package org.wubu.catalog.api;

/** Where a product stands: draft → pending listing → listed → delisted. */
public enum ProductStatus {
    DRAFT,
    PENDING_LISTING,
    LISTED,
    DELISTED
}
