package org.wubu.orders.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;

/**
 * What intake needs from the catalog, kept small and internal so that its implementation can move
 * to the catalog's lookup and all-or-nothing reservation API ({@code CatalogLookup.offers},
 * {@code StockReservations.reserveAll}) without touching intake. Implemented by {@link CatalogServiceOrderCatalog} over those.
 */
interface OrderCatalog {

    /** A product as offered now. */
    record Offer(String sku, String titleZh, String titleEn, boolean listed, Money price, long stock) {
    }

    /** One line to reserve; {@code lineNo} names it in refusals. */
    record Reservation(int lineNo, String sku, long quantity) {
    }

    /**
     * The products as offered now (listed or not, at their effective price), keyed by SKU; an unknown SKU is left out.
     * One lookup for all of an order's lines: a product query and a promotion query, whatever the number of lines.
     */
    Map<String, Offer> offers(Caller caller, Collection<String> skus);

    /**
     * Reserves every line or none (reference {@code order:<id>}). A line without enough stock is a
     * {@link org.wubu.platform.api.WubuException} with code
     * {@link org.wubu.orders.api.OrderService#INSUFFICIENT_STOCK} naming the line; what was reserved before it is released.
     */
    void reserveAll(Caller caller, String reference, List<Reservation> lines);

    /** Gives back what {@link #reserveAll} reserved. */
    void releaseAll(Caller caller, String reference, List<Reservation> lines);

    /** Turns what {@link #reserveAll} reserved into a sale: the units left with the goods. */
    void commitAll(Caller caller, String reference, List<Reservation> lines);

    /** Stock the catalog still holds for a reference and one product (reserved, neither released nor sold). */
    record Held(long id, String reference, String sku, long quantity, Instant reservedAt) {
    }

    /**
     * Up to {@code limit} (reference, product) pairs still holding stock, references starting with
     * {@code referencePrefix}, last reserved at or after {@code from} (null: any time) and before
     * {@code before}, ids above {@code afterId}, in id order (the next page starts after the last id).
     */
    List<Held> held(Caller caller, String referencePrefix, Instant from, Instant before, long afterId, int limit);

    /** How many pairs {@link #forEachHeld} reads at a time. */
    int HELD_PAGE = 200;

    /** Every pair {@link #held} finds for these bounds, read page by page in id order. */
    default void forEachHeld(Caller caller, String referencePrefix, Instant from, Instant before, Consumer<Held> action) {
        long after = 0;
        while (true) {
            List<Held> page = held(caller, referencePrefix, from, before, after, HELD_PAGE);
            page.forEach(action);
            if (page.size() < HELD_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** Up to {@code limit} listed products with stock (demo orders). */
    List<Offer> listed(Caller caller, int limit);
}
