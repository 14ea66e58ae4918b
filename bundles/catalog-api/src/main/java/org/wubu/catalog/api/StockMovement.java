package org.wubu.catalog.api;

import java.time.Instant;

/**
 * One entry of the stock ledger.
 *
 * @param id         ledger id, increasing
 * @param sku        the product
 * @param kind       what happened
 * @param quantity   how many units it is about (positive; signed for a count adjustment)
 * @param change     the effect on the stock available to sell (0 when a reservation is committed)
 * @param stockAfter the stock after the movement
 * @param who        username of who caused it
 * @param why        the reason or reference (an order number, a delivery note)
 * @param time       when
 */
public record StockMovement(long id, String sku, StockMovementKind kind, long quantity, long change, long stockAfter,
                            String who, String why, Instant time) {
}
