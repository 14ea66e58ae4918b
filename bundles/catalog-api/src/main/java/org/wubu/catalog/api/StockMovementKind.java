package org.wubu.catalog.api;

/** The kinds of stock movement in the ledger. */
public enum StockMovementKind {
    /** Goods arrived: stock up. */
    RECEIPT,
    /** Sold (directly, or committing a reservation): stock down, or unchanged when committing. */
    SALE,
    /** A customer sent goods back: stock up. */
    RETURN,
    /** A count found a difference: stock up or down by it. */
    COUNT_ADJUSTMENT,
    /** Held for an order: stock down until released or committed. */
    RESERVATION,
    /** A reservation given back: stock up. */
    RELEASE
}
