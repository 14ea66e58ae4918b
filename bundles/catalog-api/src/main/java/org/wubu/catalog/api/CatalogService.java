package org.wubu.catalog.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;

/**
 * The catalog. Every method takes the caller and checks its permission first; refusals are
 * {@link org.wubu.platform.api.WubuException}s: validation (naming the field), permission,
 * not-found, {@link #CONFLICT} (a stale edit: "changed by X at T, reload"),
 * {@link #INSUFFICIENT_STOCK} and {@link #NOT_APPROVED}.
 */
@ProviderType
public interface CatalogService {

    String READ = "catalog.read";
    String PRODUCT_EDIT = "catalog.product.edit";
    String PRICE_PROPOSE = "catalog.price.propose";
    String PRICE_APPROVE = "catalog.price.approve";
    String PRICE_APPLY = "catalog.price.apply";
    String STOCK_MOVE = "catalog.stock.move";
    String STOCK_COUNT = "catalog.stock.count";
    /** Reserving, releasing and committing stock for orders (other areas, the system). */
    String STOCK_RESERVE = "catalog.stock.reserve";
    /** Proposing that a product goes on sale (CAT-2): the planner or the content specialist. */
    String LISTING_PROPOSE = "catalog.listing.propose";
    /** Proposing an abnormal delisting (CAT-3): the content specialist. */
    String DELISTING_PROPOSE = "catalog.delisting.propose";

    /** The approval kind of a price change: proposed by the planner, approved by the marketing director. */
    String PRICE_CHANGE_KIND = "catalog.price-change";

    /** The approval kind of a listing (CAT-2, CAT-7): proposed by the planner or content specialist, approved by the marketing director. */
    String LISTING_KIND = "catalog.listing";
    /** The approval kind of an abnormal delisting (CAT-3): requested by the content specialist, approved by the department lead. */
    String DELISTING_KIND = "catalog.delisting";

    /** Refusal: the product is not in a status that allows the request (e.g. listing a listed product). */
    String WRONG_STATUS = "wrong-status";
    /** Refusal: the product was changed since the editor loaded it. */
    String CONFLICT = "conflict";
    /** Refusal: not enough stock for the movement or reservation. */
    String INSUFFICIENT_STOCK = "insufficient-stock";
    /** Refusal: the price proposal is not approved (yet), or already applied. */
    String NOT_APPROVED = "not-approved";

    /** The delisting reason recorded when stock runs out (CAT-3). */
    String DELIST_NORMAL = "normal";
    /** The prefix of the delisting reason of an approved abnormal delisting: {@code "abnormal: <reason>"}. */
    String DELIST_ABNORMAL_PREFIX = "abnormal: ";

    /** Creates a product as a draft with its first price (recorded in the price history). */
    Product create(Caller caller, ProductDraft draft);

    /** Edits titles, descriptions and category; {@code expectedVersion} is the version the editor loaded. */
    Product edit(Caller caller, String sku, ProductDraft draft, long expectedVersion);

    Optional<Product> find(Caller caller, String sku);

    ProductPage list(Caller caller, ProductQuery query);

    /** Proposes a new price with competitor evidence; submits a {@link #PRICE_CHANGE_KIND} approval. */
    PriceProposal proposePrice(Caller caller, String sku, Money newPrice, CompetitorEvidence evidence, String reason);

    /** Applies an approved proposal: the price changes now, with an entry in the price history. */
    Product applyPrice(Caller caller, long proposalId);

    PriceProposal proposal(Caller caller, long proposalId);

    /** The product's price changes, newest first. */
    List<PriceHistoryEntry> priceHistory(Caller caller, String sku);

    /** The most proposals {@link #priceProposals} answers at once. */
    int MAX_PROPOSALS = 200;

    /**
     * Price proposals, newest first: of one product ({@code sku}) or of every product (null), in one
     * status or in any (null), at most {@code limit} (1 .. {@link #MAX_PROPOSALS}). The content
     * specialist finds here the approved proposals waiting to be applied.
     *
     * @since 1.2
     */
    List<PriceProposal> priceProposals(Caller caller, String sku, PriceProposalStatus status, int limit);

    /**
     * Asks that a draft or delisted product goes on sale ({@link #LISTING_PROPOSE}); submits a
     * {@link #LISTING_KIND} approval decided by the marketing director. Refused at once, naming every
     * missing item, when the product lacks a Chinese or English title, a price above 0 or stock above 0
     * (a {@link org.wubu.platform.api.ValidationException} whose details name each item). The product
     * is listed when the approval is applied, after the same check.
     *
     * @param reason why (optional)
     * @return the id of the approval request
     */
    long requestListing(Caller caller, String sku, String reason);

    /**
     * Asks that a listed product is taken off sale for a reason other than running out of stock
     * ({@link #DELISTING_PROPOSE}; the reason is required); submits a {@link #DELISTING_KIND} approval
     * decided by the department lead. Once applied the product is delisted with reason
     * {@code "abnormal: <reason>"}.
     *
     * @return the id of the approval request
     */
    long requestDelisting(Caller caller, String sku, String reason);

    /**
     * Records a receipt, sale or return ({@link #STOCK_MOVE}) or a count adjustment
     * ({@link #STOCK_COUNT}, signed quantity). Stock never goes below zero.
     */
    StockMovement recordMovement(Caller caller, String sku, StockMovementKind kind, long quantity, String why);

    /** The product's ledger, newest first, with ids below {@code before} (null: from the newest). */
    List<StockMovement> movements(Caller caller, String sku, Long before, int limit);

    /** Holds stock for an order; never oversells, even under concurrency. */
    StockMovement reserve(Caller caller, String sku, long quantity, String reference);

    /** Gives a reservation back. */
    StockMovement release(Caller caller, String sku, long quantity, String reference);

    /** Turns a reservation into a sale (stock was already taken at the reservation). */
    StockMovement commit(Caller caller, String sku, long quantity, String reference);
}
