package org.wubu.catalog.api;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;

/**
 * Effective prices for other areas (orders call it for every order line). Reads only; needs
 * {@link CatalogService#READ} (pass {@link Caller#SYSTEM} when the platform acts on its own). Fast for
 * many SKUs: one query for the products and one for the promotions in effect, whatever the number of
 * SKUs (up to {@link #MAX_SKUS}).
 */
@ProviderType
public interface CatalogLookup {

    /** Most SKUs one {@link #offers} call takes. */
    int MAX_SKUS = 500;

    /** The offer of one product at a time ({@code at} null: now), empty when there is no such SKU. */
    Optional<Offer> offer(Caller caller, String sku, Instant at);

    /**
     * The offers of several products at a time ({@code at} null: now), keyed by SKU in the order asked;
     * unknown SKUs are left out. More than {@link #MAX_SKUS} SKUs is a validation refusal.
     */
    Map<String, Offer> offers(Caller caller, Collection<String> skus, Instant at);
}
