package org.wubu.orders.api;

import org.wubu.platform.api.Topics;

/**
 * EventAdmin topics of the orders area: one event per appended record, on {@code wubu/orders/<KIND>}
 * (e.g. {@code wubu/orders/CREATED}, {@code wubu/orders/CONFIRMED}), posted after the record is
 * committed. Subscribe to {@link #ALL} for every record (the live board does, ORD-1).
 *
 * <p>Every event carries {@link Topics#ACTOR}, {@link Topics#SUBJECT} ({@code order:<id>}),
 * {@link Topics#TIME} (when the record occurred, ISO-8601 UTC) and the properties below; never the
 * payload (it may hold customer data), which readers fetch with the permission to read orders.
 *
 * <p>One event is not a record: {@link #RESERVATION_SWEPT}, when the platform gave back stock that the
 * catalog still held for an order that does not exist (its intake stopped between the catalog's commit
 * and its own). It carries {@link Topics#ACTOR} ({@code system}), {@link Topics#SUBJECT}, {@link Topics#TIME},
 * {@link #ORDER_ID} and {@link #UNITS}.
 */
public final class OrderEvents {

    /** Subscribe here for every order record. */
    public static final String ALL = Topics.ROOT + "/orders/*";

    /** Property: the order's id (a Long). */
    public static final String ORDER_ID = "orderId";
    /** Property: the record's global id (a Long). */
    public static final String RECORD_ID = "recordId";
    /** Property: the record's sequence within its order (an Integer). */
    public static final String SEQUENCE = "sequence";
    /** Property: the record's {@link RecordKind} name. */
    public static final String KIND = "kind";
    /** Property: the order's {@link OrderState} name after the record. */
    public static final String STATE = "state";
    /** Property: the order's state before the record (absent on CREATED). */
    public static final String PREVIOUS_STATE = "previousState";

    /** Stock held for an order that does not exist was released (see above). */
    public static final String RESERVATION_SWEPT = Topics.topic("orders", "RESERVATION_SWEPT");
    /** Property of {@link #RESERVATION_SWEPT}: how many units went back to stock, all lines together (a Long). */
    public static final String UNITS = "units";

    private OrderEvents() {
    }

    /** The topic of a record kind: {@code wubu/orders/<KIND>}. */
    public static String topic(RecordKind kind) {
        return Topics.topic("orders", kind.name());
    }

    /** The audit and event subject of an order: {@code order:<id>}. */
    public static String subject(long orderId) {
        return "order:" + orderId;
    }
}
