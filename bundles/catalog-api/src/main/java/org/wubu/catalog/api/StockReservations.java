package org.wubu.catalog.api;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;

/**
 * Stock for orders, all lines at once (issue 6: "reserve stock through the catalog API in the same unit
 * of work; any failure leaves nothing behind"). Each call needs {@link CatalogService#STOCK_RESERVE} and
 * is ALL-OR-NOTHING in one database transaction: every line is a guarded update that never takes stock
 * below zero (so concurrent callers never oversell), and if any line fails nothing of the call stays —
 * the refusal is {@link CatalogService#INSUFFICIENT_STOCK} naming the SKU and the units available
 * (details {@code sku}, {@code available}, {@code requested}), or not-found for an unknown SKU.
 *
 * <p>Lines naming the same SKU twice are added up; SKUs are processed in SKU order (so that
 * concurrent calls never deadlock), and the answer has one ledger movement per SKU in that order, each
 * with the reference as its reason. Stock reaching 0 delists a listed product with reason "normal"
 * (CAT-3), with the same audit entries and events as {@link CatalogService#reserve}.
 *
 * <p>What a reference still holds is kept per (reference, product) as the movements happen, in their
 * transaction: reservations add, releases and commits take away (down to nothing). {@link #open} lists it,
 * so that the area that reserved can find stock it no longer accounts for, e.g. after a crash between
 * the catalog's commit and its own, and release it.
 */
@ProviderType
public interface StockReservations {

    /** Most lines one call takes. */
    int MAX_LINES = 200;

    /** Most open reservations one call of {@link #open} answers. */
    int MAX_OPEN = 500;

    /** Holds stock for an order: RESERVATION movements, stock down. */
    List<StockMovement> reserveAll(Caller caller, String reference, List<StockLine> lines);

    /** Gives reservations back: RELEASE movements, stock up. */
    List<StockMovement> releaseAll(Caller caller, String reference, List<StockLine> lines);

    /** Turns reservations into sales: SALE movements, stock unchanged (taken at the reservation). */
    List<StockMovement> commitAll(Caller caller, String reference, List<StockLine> lines);

    /**
     * Stock still reserved under references starting with the query's prefix and last reserved before its
     * {@code olderThan}, one entry per (reference, product), ordered by id. Reservations made through
     * {@link CatalogService#reserve} count as well (same reference, same ledger). Needs
     * {@link CatalogService#STOCK_RESERVE}; a missing prefix or time is a validation error naming the field.
     */
    List<OpenReservation> open(Caller caller, OpenReservationQuery query);

    /** The first page of {@link #open(Caller, OpenReservationQuery)}: prefix and age only. */
    default List<OpenReservation> open(Caller caller, String referencePrefix, Instant olderThan, int limit) {
        return open(caller, OpenReservationQuery.olderThan(referencePrefix, olderThan, limit));
    }
}
