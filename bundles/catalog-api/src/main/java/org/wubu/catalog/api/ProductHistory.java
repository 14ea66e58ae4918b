package org.wubu.catalog.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;

/**
 * The edit history of products (CAT-7): every creation, edit, applied price and status change of a
 * product writes one {@link ProductRevision} in the same transaction as the change. Needs
 * {@link CatalogService#READ}.
 */
@ProviderType
public interface ProductHistory {

    /** Most revisions one call returns. */
    int MAX_LIMIT = 200;

    /** The product's revisions, newest first, with versions below {@code beforeVersion} (null: from the newest). */
    List<ProductRevision> history(Caller caller, String sku, Long beforeVersion, int limit);
}
