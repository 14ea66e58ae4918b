package org.wubu.orders.api.payment;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link PaymentCheck} may ask the orders area beyond the order itself. Lookups use indexes,
 * so a check stays fast however many orders the shop has.
 */
@ProviderType
public interface PaymentFacts {

    /** The most order ids {@link #ordersWithTransactionRef} returns. */
    int MAX_MATCHES = 20;

    /**
     * The other orders (not {@code orderId}) whose payment carries this transaction reference,
     * oldest first, at most {@link #MAX_MATCHES}.
     */
    List<Long> ordersWithTransactionRef(String transactionRef, long orderId);
}
