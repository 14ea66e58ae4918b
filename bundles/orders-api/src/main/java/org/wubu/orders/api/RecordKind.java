package org.wubu.orders.api;

/**
 * What an {@link OrderRecord} records. Every kind names the permission a caller needs to append it
 * ({@link #permission()}); {@link OrderLifecycle#check} says in which states it may be appended.
 * The event topic of a record is {@code wubu/orders/<KIND>} ({@link OrderEvents#topic(RecordKind)}).
 */
public enum RecordKind {

    /** The order itself, always sequence 1: its payload holds the header and lines exactly as stored. Only intake writes it. */
    CREATED(OrderService.CREATE),
    /** The shop accepted the order (written by intake right after CREATED); starts the confirmation clock (ORD-2). */
    ACCEPTED(OrderService.CREATE),
    /** A CS agent confirmed the order with the customer (ORD-2). Payload: channel, result, note. */
    CONFIRMED(OrderService.CONFIRM),
    /** The confirmation clock ran out before anyone confirmed (ORD-2); the platform writes it. Payload: due (ISO time). */
    CONFIRMATION_OVERDUE(OrderService.CLOCK),
    /** Payment checked and found right (ORD-6). */
    PAYMENT_VERIFIED(OrderService.PAYMENT_VERIFY),
    /** A payment check found something abnormal (ORD-6): amount mismatch, duplicate transaction reference, a partner rule. Blocks packing. Payload: rule, reason. */
    PAYMENT_FLAGGED(OrderService.PAYMENT_VERIFY),
    /** Someone with the permission resolved a payment flag with a reason (ORD-6). Payload: flag (record id), reason. */
    PAYMENT_FLAG_RESOLVED(OrderService.PAYMENT_RESOLVE),
    /** A note, shown prominently wherever the order is handled (ORD-7). Payload: text. */
    NOTE(OrderService.NOTE),
    /** Packed and checked line by line against the order (ORD-7, ORD-8). Payload: lines packed. */
    PACKED(OrderService.PACK),
    /** A packing check found goods that do not match the order; packing was refused (ORD-8). Payload: what differs. */
    PACK_MISMATCH(OrderService.PACK),
    /** Handed to the carrier (ORD-7). Payload: carrier, trackingNumber. */
    SHIPPED(OrderService.SHIP),
    /** Delivered to the customer (ORD-8). */
    DELIVERED(OrderService.SHIP),
    /** The customer asked to return goods (ORD-9). Payload: lines, reason. */
    RETURN_REQUESTED(OrderService.RETURN_REQUEST),
    /** Returned goods received and checked against the order's lines (ORD-8, ORD-9). Payload: lines, refund. */
    RETURNED(OrderService.RETURN_CHECK),
    /** Goods exchanged (ORD-9). Payload: lines out, lines in. */
    EXCHANGED(OrderService.EXCHANGE),
    /** A gift added to the order (ORD-9). Payload: sku, quantity, reason. */
    GIFT(OrderService.GIFT),
    /** The order was cancelled before shipping. Payload: reason. */
    CANCELLED(OrderService.CANCEL),
    /** A correction of an earlier record, which it names in {@link OrderRecord#corrects()} (ORD-5). Payload: what is corrected and why. */
    AMENDMENT(OrderService.NOTE);

    private final String permission;

    RecordKind(String permission) {
        this.permission = permission;
    }

    /** The permission a caller needs to append a record of this kind. */
    public String permission() {
        return permission;
    }
}
