package org.wubu.orders.api;

import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;

/**
 * Recomputes both hash chains of the orders (ORD-5) from the database: the global chain in id order
 * (no gaps, each record linked to the one before, each hash matching its content) and each order's
 * chain (sequences 1..n, each linked to the order's previous record, starting with CREATED), and
 * compares every order's header and lines with the payload of its CREATED record. A row changed or
 * removed by anyone, including the database owner, is reported.
 */
@ProviderType
public interface OrderVerifier {

    /** Walks everything; needs {@link OrderService#VERIFY}. */
    ChainReport verify(Caller caller);
}
