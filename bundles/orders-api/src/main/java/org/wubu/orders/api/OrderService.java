package org.wubu.orders.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.chain.ChainHead;

/**
 * The orders area. Every method takes the caller and checks its permission first. Refusals are
 * {@link org.wubu.platform.api.WubuException}s: validation naming the field (for lines
 * {@code lines[i].sku} ...), permission, not-found, and the codes below.
 *
 * <p>There is no method that changes or removes order data, by design (ORD-5): everything after
 * creation is a record appended with {@link #append}, and a correction is an
 * {@link RecordKind#AMENDMENT} that names the record it corrects.
 */
@ProviderType
public interface OrderService {

    String READ = "orders.read";
    /** Placing orders: the storefront, marketplace importers (role {@code storefront}), the CS manager. */
    String CREATE = "orders.create";
    /** Recording the confirmation with the customer (ORD-2): CS agents. */
    String CONFIRM = "orders.confirm";
    /** Recording an overdue confirmation: the platform's confirmation clock. */
    String CLOCK = "orders.clock";
    /** Recording payment checks, verified or flagged (ORD-6). */
    String PAYMENT_VERIFY = "orders.payment.verify";
    /** Resolving a payment flag with a reason (ORD-6). */
    String PAYMENT_RESOLVE = "orders.payment.resolve";
    /** Notes and amendments (ORD-5, ORD-7). */
    String NOTE = "orders.note";
    /** Packing and packing mismatches (ORD-7, ORD-8). */
    String PACK = "orders.pack";
    /** Shipping and delivery (ORD-7, ORD-8). */
    String SHIP = "orders.ship";
    /** Recording a customer's return request (ORD-9). */
    String RETURN_REQUEST = "orders.return.request";
    /** Checking returned goods against the order (ORD-8, ORD-9). */
    String RETURN_CHECK = "orders.return.check";
    String EXCHANGE = "orders.exchange";
    String GIFT = "orders.gift";
    String CANCEL = "orders.cancel";
    /** Walking the hash chains ({@link OrderVerifier}): dba level and IT administrators. */
    String VERIFY = "orders.verify";

    /** Refusal: an idempotency key was sent again with a different body (HTTP 422). Details: {@code key}. */
    String IDEMPOTENCY_MISMATCH = "idempotency-key-reused";
    /** Refusal: an attempt to change or remove order data (ORD-5; HTTP 405/409). */
    String IMMUTABLE = "order-immutable";
    /** Refusal: a line the catalog does not accept: not listed, unknown, or not at the effective price (HTTP 422). Details name the line. */
    String LINE_REFUSED = "line-refused";
    /** Refusal: not enough stock for a line (HTTP 409). Details name the line. */
    String INSUFFICIENT_STOCK = "insufficient-stock";

    /** The longest idempotency key accepted. */
    int MAX_KEY_LENGTH = 200;

    /**
     * Places an order ({@link #CREATE}). The idempotency key is required: the same key with the same
     * order returns the first order ({@link Intake#replay()} true), with a different order it is
     * refused ({@link #IDEMPOTENCY_MISMATCH}); concurrent requests with one key create one order.
     * Every line must be listed in the catalog at its effective price now, and stock is reserved
     * for every line (reference {@code order:<id>}); when anything fails, reservations are released
     * and nothing of the order is left. Writes the order, its lines and the records CREATED and
     * ACCEPTED in one transaction.
     */
    Intake place(Caller caller, String idempotencyKey, OrderDraft draft);

    /** The order with its derived status ({@link #READ}). */
    Optional<Order> find(Caller caller, long orderId);

    /** Orders newest first, optionally in one state ({@link #READ}). */
    OrderPage list(Caller caller, OrderQuery query);

    /** The order's records, oldest first: its timeline (ORD-3; {@link #READ}). */
    List<OrderRecord> records(Caller caller, long orderId);

    /**
     * Appends a record to an order, in one transaction chained to the order's and the shop's previous
     * records. Needs the kind's {@link RecordKind#permission()}; the record must fit the order's state
     * ({@link OrderLifecycle#check}); an AMENDMENT must name a record of the same order in
     * {@code corrects}. Audited, and posted as an event on {@link OrderEvents#topic(RecordKind)}.
     *
     * @return the stored record
     */
    OrderRecord append(Caller caller, long orderId, RecordDraft draft);

    /**
     * The shop's records in global order ({@link #READ}): ids above {@code afterId}, optionally only
     * those that occurred in {@code [from, to)}; at most {@code limit} (1 .. 1000). For the daily
     * record (ORD-4) and for catching up a live view.
     */
    List<OrderRecord> journal(Caller caller, long afterId, Instant from, Instant to, int limit);

    /** The newest record of the global chain: its id and hash; empty while there are no orders. */
    Optional<ChainHead> head();
}
