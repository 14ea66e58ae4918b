package org.wubu.catalog.api;

import java.time.Instant;

/**
 * Which open reservations {@link StockReservations#open} answers, ordered by {@link OpenReservation#id()}
 * (keyset paging: pass the last id of a page as {@code afterId} for the next).
 *
 * @param referencePrefix only references starting with this text (e.g. {@code order:}); required
 * @param reservedFrom    only pairs last reserved at or after this time, or null for any time
 * @param olderThan       only pairs last reserved before this time; required
 * @param afterId         only ids above this one (0 for the first page)
 * @param limit           at most this many, 1 .. {@link StockReservations#MAX_OPEN}
 */
public record OpenReservationQuery(String referencePrefix, Instant reservedFrom, Instant olderThan, long afterId, int limit) {

    /** The first page of pairs with this prefix reserved before {@code olderThan}. */
    public static OpenReservationQuery olderThan(String referencePrefix, Instant olderThan, int limit) {
        return new OpenReservationQuery(referencePrefix, null, olderThan, 0, limit);
    }

    /** The page after the one that ended with {@code lastId}. */
    public OpenReservationQuery after(long lastId) {
        return new OpenReservationQuery(referencePrefix, reservedFrom, olderThan, lastId, limit);
    }
}
