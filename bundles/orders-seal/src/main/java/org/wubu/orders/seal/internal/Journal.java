package org.wubu.orders.seal.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderService;
import org.wubu.platform.api.Caller;

/**
 * Reads the shop's records through {@link OrderService#journal}, page by page in ascending id. The
 * seal reads as the platform ({@link Caller#SYSTEM}): the person who asked holds orders.seal, which is
 * checked before, and the records reach them only as the sealed files they may download anyway.
 */
final class Journal {

    static final int PAGE = 1000;

    private final OrderService orders;

    Journal(OrderService orders) {
        this.orders = orders;
    }

    /** Every record that occurred in [from, to) (null: unbounded), ascending id. */
    void forEach(Instant from, Instant to, Consumer<OrderRecord> each) {
        long after = 0;
        while (true) {
            List<OrderRecord> page = orders.journal(Caller.SYSTEM, after, from, to, PAGE);
            for (OrderRecord r : page) {
                each.accept(r);
                after = r.id();
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** The oldest record of the shop, or null while there is none. */
    OrderRecord first() {
        List<OrderRecord> page = orders.journal(Caller.SYSTEM, 0, null, null, 1);
        return page.isEmpty() ? null : page.get(0);
    }

    /** The record with this id, or null. */
    OrderRecord byId(long id) {
        List<OrderRecord> page = orders.journal(Caller.SYSTEM, id - 1, null, null, 1);
        return page.isEmpty() || page.get(0).id() != id ? null : page.get(0);
    }
}
