package org.wubu.catalog.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;

/**
 * Promotions (CAT-4): the planner proposes ({@link #PROPOSE}), which submits an approval of kind
 * {@link #KIND} decided by the marketing director; the content specialist then applies it
 * ({@link #APPLY}). Only an applied promotion changes prices, and only between its start and its end;
 * {@link CatalogLookup} gives the effective prices.
 *
 * <p>Overlaps are refused: proposing or applying a promotion whose time window overlaps that of
 * another promotion (not rejected, not cancelled) on a same product, directly or through a category,
 * or through nested category targets, is a {@link #OVERLAP} refusal (HTTP 409) whose message names the
 * other promotion and the products; its details hold {@code conflicts}: a list of
 * {@code {id, nameZh, nameEn, startAt, endAt, products, categories}}.
 *
 * <p>Every change is audited with subject {@code promotion:<id>} and posts a
 * {@code wubu/catalog/PROMOTION_*} event ({@link CatalogEvents}).
 */
@ProviderType
public interface PromotionService {

    String PROPOSE = "catalog.promotion.propose";
    String APPROVE = "catalog.promotion.approve";
    String APPLY = "catalog.promotion.apply";

    /** The approval kind of a promotion: proposed by the planner, approved by the marketing director. */
    String KIND = "catalog.promotion";

    /** Refusal: the promotion overlaps another on a same product (names it and the products). */
    String OVERLAP = "promotion-overlap";
    /** Refusal: the promotion is not approved (yet), already applied, or no longer open. */
    String NOT_APPROVED = CatalogService.NOT_APPROVED;
    /** Refusal: the promotion cannot be changed any more (rejected, cancelled or ended). */
    String CLOSED = "promotion-closed";

    /** Most SKUs and category paths one promotion names. */
    int MAX_SKUS = 500;
    int MAX_CATEGORIES = 20;

    /** Stores the proposal and submits a {@link #KIND} approval request. Needs {@link #PROPOSE}. */
    Promotion propose(Caller caller, PromotionDraft draft);

    /** Applies an approved promotion: from now on it sets prices during its window. Needs {@link #APPLY}. */
    Promotion apply(Caller caller, long id);

    /**
     * Withdraws a promotion that is not applied yet, or stops an applied one early ({@link #PROPOSE}
     * or {@link #APPLY}; the reason is required).
     */
    Promotion cancel(Caller caller, long id, String reason);

    /** Needs {@code catalog.read}. */
    Optional<Promotion> find(Caller caller, long id);

    /** Needs {@code catalog.read}. */
    PromotionPage list(Caller caller, PromotionQuery query);
}
