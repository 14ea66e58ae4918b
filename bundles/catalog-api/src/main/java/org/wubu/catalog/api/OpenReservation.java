package org.wubu.catalog.api;

import java.time.Instant;

/**
 * Stock still held for one reference and one product: what its reservations took and no release or
 * commit (sale) has given back yet ({@link StockReservations#open}).
 *
 * @param id         stable id of this (reference, product) pair, increasing; the paging cursor
 * @param reference  the reference the stock was reserved under (e.g. {@code order:42})
 * @param sku        the product
 * @param quantity   units still reserved (positive)
 * @param reservedAt when the latest reservation of this pair was made
 */
public record OpenReservation(long id, String reference, String sku, long quantity, Instant reservedAt) {
}
