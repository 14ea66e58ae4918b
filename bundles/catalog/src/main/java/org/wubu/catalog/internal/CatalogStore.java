package org.wubu.catalog.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.OptimisticLockException;
import javax.persistence.RollbackException;
import javax.persistence.TypedQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.catalog.api.CatalogEvents;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.CompetitorEvidence;
import org.wubu.catalog.api.PriceHistoryEntry;
import org.wubu.catalog.api.PriceProposal;
import org.wubu.catalog.api.PriceProposalStatus;
import org.wubu.catalog.api.FieldChange;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductAttribute;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductHistory;
import org.wubu.catalog.api.ProductPage;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductRevision;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.StockMovement;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.platform.api.persistence.UnitOfWork;

/**
 * The catalog on JPA. Every state change: permission first, then validation naming the fields, one
 * transaction, an audit entry and an event. Stock changes only through single guarded UPDATEs
 * ({@code STOCK = STOCK - ? WHERE STOCK >= ?}) whose row count decides, so that concurrent
 * reservations never oversell; stock reaching 0 delists a listed product with reason "normal".
 */
// Immediate: it runs scheduled or background work, which a delayed component would lose whenever SCR
// disposes it for want of users (Felix SCR does so by default) and repeat at every re-activation.
@Component(service = {CatalogService.class, ProductHistory.class, CatalogStore.class}, immediate = true)
public class CatalogStore implements CatalogService, ProductHistory {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SKU_PATTERN = "[A-Z0-9][A-Z0-9-]{1,63}";
    static final int MAX_MOVEMENTS = 200;

    private final EntityManagerFactory emf;
    private final ShopClock clock;
    private final AuditService audit;
    private final ApprovalService approvals;
    private final ExecutorService starter;
    /** The background work of activation that brings older products in line (see the constructor). */
    private final Future<?> bringInLine;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    /**
     * Units of work other areas run stock reservations in (an order's intake): events of a movement made in a
     * unit wait for its commit. Set by SCR right after construction; null (events at once) in tests that run
     * no units.
     */
    @Reference
    volatile UnitOfWork units;

    @Activate
    public CatalogStore(@Reference(target = "(osgi.unit.name=wubu-catalog)") EntityManagerFactory emf,
                        @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.catalog)") SchemaReady schema,
                        @Reference ShopClock clock, @Reference AuditService audit, @Reference ApprovalService approvals,
                        @Reference PlatformInfo platform) {
        this.emf = emf;
        this.clock = clock;
        this.audit = audit;
        this.approvals = approvals;
        this.starter = Executors.newSingleThreadExecutor(r -> new Thread(r, "wubu-catalog-demo"));
        // Products stored before the product model (V4) are brought in line in the background, never on the
        // activating thread (it may be the framework's start-level thread, and the first database work also
        // deploys the persistence unit): their categories join the tree, then their search terms are indexed.
        // Until the tree has a category, any category is accepted, so nothing is refused meanwhile.
        bringInLine = starter.submit(() -> {
            try {
                List<String> covered = inTransaction(em -> CategoryTable.coverProducts(em, Caller.SYSTEM.username(),
                        Utc.of(clock.now())));
                if (!covered.isEmpty()) {
                    LOG.info("Created the categories {} that existing products are filed under", covered);
                }
                indexUnindexed();
            } catch (RuntimeException e) {
                LOG.warn("Existing products could not be brought in line with the product model: {}", e.getMessage(), e);
            }
        });
        if (platform.isDemo()) {
            starter.execute(() -> {
                try {
                    DemoProducts.ensure(this);
                } catch (RuntimeException e) {
                    LOG.warn("Demo products could not be created: {}", e.getMessage(), e);
                }
            });
        }
    }

    /**
     * Waits until older products have been brought in line after activation. Until then the category tree
     * may still be filled from existing products, so a caller that relies on the tree's contents (tests,
     * benchmarks) waits here first.
     */
    void awaitStartWork() {
        try {
            bringInLine.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the catalog's start work did not finish: " + e, e);
        }
    }

    /** Indexes the search terms of products that have none (stored before V4), in batches. */
    void indexUnindexed() {
        int total = 0;
        while (!Thread.currentThread().isInterrupted()) {
            int done = inTransaction(em -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("SELECT p.SKU, p.TITLE_ZH, p.TITLE_EN, p.CATEGORY FROM CAT_PRODUCT p"
                        + " WHERE NOT EXISTS (SELECT 1 FROM CAT_PRODUCT_TERM t WHERE t.SKU = p.SKU)").setMaxResults(500).getResultList();
                for (Object[] r : rows) {
                    ProductSearch.index(em, (String) r[0], (String) r[1], (String) r[2], (String) r[3]);
                }
                return rows.size();
            });
            total += done;
            if (done == 0) {
                break;
            }
        }
        if (total > 0) {
            LOG.info("Indexed the search terms of {} existing products", total);
        }
    }

    /** Waits briefly for the demo data thread, so that a stopped bundle leaves no half-written work behind. */
    @Deactivate
    public void deactivate() {
        starter.shutdown();
        try {
            if (!starter.awaitTermination(30, TimeUnit.SECONDS)) {
                starter.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ products

    @Override
    public Product create(Caller caller, ProductDraft draft) {
        caller.require(PRODUCT_EDIT);
        return insert(caller, draft, ProductStatus.DRAFT, 0);
    }

    /** Creates a product in the given status with opening stock (demo data; the ledger records a receipt). */
    Product insert(Caller caller, ProductDraft draft, ProductStatus status, long openingStock) {
        List<ProductAttribute> attributes = validate(draft, true);
        LocalDateTime now = Utc.of(clock.now());
        Product created = inTransaction(em -> {
            if (em.find(ProductEntity.class, draft.sku()) != null) {
                throw new WubuException("duplicate", "a product with SKU " + draft.sku() + " already exists",
                        Map.of("sku", "taken"));
            }
            CategoryTable.requireKnown(em, draft.category().trim());
            return persistNew(em, caller, draft, attributes, status, openingStock, now);
        });
        audit.record(caller, "catalog.product.created", subject(created.sku()), "status " + created.status()
                + ", price " + created.price() + ", stock " + created.stock() + ", title " + created.titleZh() + " / " + created.titleEn());
        post(CatalogEvents.PRODUCT_CREATED, caller, created.sku(), Map.of());
        return created;
    }

    /**
     * Writes a new product with its first price, opening stock, search terms and first revision (in the
     * caller's transaction; the draft is validated and its category checked).
     */
    private Product persistNew(EntityManager em, Caller caller, ProductDraft draft, List<ProductAttribute> attributes,
                               ProductStatus status, long openingStock, LocalDateTime now) {
        ProductEntity p = new ProductEntity(draft.sku(), status, draft.price(), openingStock, caller.username(), now);
        p.describe(draft.titleZh().trim(), draft.titleEn().trim(), text(draft.descriptionZh()), text(draft.descriptionEn()),
                draft.category().trim());
        p.attributes(attributes);
        em.persist(p);
        em.flush(); // no JPA relationships: the product row must exist before the rows referring to it
        em.persist(new PriceHistoryEntity(draft.sku(), null, draft.price(), caller.username(), now, null, "first price"));
        if (openingStock > 0) {
            em.persist(new StockMovementEntity(draft.sku(), StockMovementKind.RECEIPT, openingStock, openingStock,
                    openingStock, caller.username(), "opening stock", now));
        }
        Product created = p.toProduct();
        ProductSearch.insert(em, created.sku(), SearchTerms.of(created.sku(), created.titleZh(), created.titleEn(), created.category()));
        Revisions.write(em, created.sku(), created.version(), ProductRevision.CREATED, caller.username(), now,
                Revisions.created(created));
        em.flush();
        return created;
    }

    /** A product to seed (demo data): the draft, its status and opening stock. */
    record Seed(ProductDraft draft, ProductStatus status, long openingStock) {
    }

    /**
     * Creates the categories and products that do not exist yet, all in one transaction (demo data: one
     * audit entry for the batch, no event per product). Existing SKUs and paths are left as they are, so
     * running it again changes nothing.
     *
     * @param categories path, Chinese name, English name (parents before children)
     * @return how many products were created
     */
    int seed(Caller caller, List<String[]> categories, List<Seed> products) {
        List<List<ProductAttribute>> attributes = new ArrayList<>();
        for (Seed s : products) {
            attributes.add(validate(s.draft(), true));
        }
        LocalDateTime now = Utc.of(clock.now());
        int[] categoriesCreated = new int[1];
        List<String> seeded = new ArrayList<>();
        int created = inTransaction(em -> {
            for (String[] c : categories) {
                if (!CategoryTable.exists(em, c[0])) {
                    CategoryTable.insert(em, c[0], c[1], c[2], CategoryTable.nextSortOrder(em, CategoryTable.parent(c[0])),
                            caller.username(), now);
                    categoriesCreated[0]++;
                }
            }
            @SuppressWarnings("unchecked")
            java.util.Set<String> existing = new java.util.HashSet<>(em.createNativeQuery("SELECT SKU FROM CAT_PRODUCT").getResultList());
            int n = 0;
            for (int i = 0; i < products.size(); i++) {
                Seed s = products.get(i);
                if (existing.add(s.draft().sku())) {
                    CategoryTable.requireKnown(em, s.draft().category().trim());
                    persistNew(em, caller, s.draft(), attributes.get(i), s.status(), s.openingStock(), now);
                    seeded.add(s.draft().sku());
                    n++;
                    if (n % 50 == 0) {
                        em.clear(); // keep the persistence context small: the batch is written, nothing is read back
                    }
                }
            }
            return n;
        });
        if (created > 0 || categoriesCreated[0] > 0) {
            audit.record(caller, "catalog.products.seeded", "catalog", created + " products and " + categoriesCreated[0]
                    + " categories created (demo data)");
        }
        // Whoever follows new products (open count tasks, demo images) learns of these like of any other.
        for (String sku : seeded) {
            post(CatalogEvents.PRODUCT_CREATED, caller, sku, Map.of());
        }
        return created;
    }

    @Override
    public Product edit(Caller caller, String sku, ProductDraft draft, long expectedVersion) {
        caller.require(PRODUCT_EDIT);
        if (draft == null) {
            throw new ValidationException("the product is missing", Map.of("product", "missing"));
        }
        ProductDraft d = new ProductDraft(sku, draft.titleZh(), draft.titleEn(), draft.descriptionZh(), draft.descriptionEn(),
                draft.category(), null, draft.attributes());
        List<ProductAttribute> attributes = validate(d, false);
        LocalDateTime now = Utc.of(clock.now());
        Product before;
        Product after;
        List<FieldChange> changes;
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            ProductEntity p = em.find(ProductEntity.class, sku);
            if (p == null) {
                throw new NotFoundException("product", sku);
            }
            if (p.version() != expectedVersion) {
                throw conflict(p.sku(), p.updatedBy(), Utc.of(p.updatedAt()));
            }
            before = p.toProduct();
            if (!before.category().equals(d.category().trim())) {
                CategoryTable.requireKnown(em, d.category().trim());
            }
            p.describe(d.titleZh().trim(), d.titleEn().trim(), text(d.descriptionZh()), text(d.descriptionEn()), d.category().trim());
            if (d.attributes() != null) {
                p.attributes(attributes);
            }
            p.touched(caller.username(), now);
            em.flush();
            after = p.toProduct();
            if (!before.titleZh().equals(after.titleZh()) || !before.titleEn().equals(after.titleEn())
                    || !before.category().equals(after.category())) {
                ProductSearch.index(em, sku, after.titleZh(), after.titleEn(), after.category());
            }
            changes = Revisions.between(before, after);
            Revisions.write(em, sku, after.version(), ProductRevision.EDITED, caller.username(), now, changes);
            em.getTransaction().commit();
        } catch (OptimisticLockException | RollbackException e) {
            // Someone else committed between our read and our write.
            Product current = find(Caller.SYSTEM, sku).orElseThrow(() -> new NotFoundException("product", sku));
            throw conflict(sku, current.updatedBy(), current.updatedAt());
        } finally {
            rollbackIfActive(em);
            em.close();
        }
        audit.record(caller, "catalog.product.edited", subject(sku), Revisions.describe(before.version(), after.version(), changes));
        post(CatalogEvents.PRODUCT_CHANGED, caller, sku, Map.of("version", after.version()));
        return after;
    }

    private WubuException conflict(String sku, String by, Instant at) {
        String when = at.atZone(clock.zone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changedBy", by);
        details.put("changedAt", at.atZone(clock.zone()).toOffsetDateTime().toString());
        details.put("messageZh", "商品 " + sku + " 已被 " + by + " 于 " + when + " 修改，请重新加载");
        return new WubuException(CONFLICT, "product " + sku + " was changed by " + by + " at " + when + ", reload", details);
    }

    @Override
    public Optional<Product> find(Caller caller, String sku) {
        caller.require(READ);
        if (sku == null) {
            return Optional.empty();
        }
        return read(em -> Optional.ofNullable(em.find(ProductEntity.class, sku)).map(ProductEntity::toProduct));
    }

    Product product(Caller caller, String sku) {
        return find(caller, sku).orElseThrow(() -> new NotFoundException("product", sku));
    }

    @Override
    public ProductPage list(Caller caller, ProductQuery q) {
        caller.require(READ);
        if (q.category() != null && q.category().length() > 200) {
            throw new ValidationException("category is longer than 200 characters", Map.of("category", "too long"));
        }
        SearchTerms.Query terms = SearchTerms.query(q.text(), q.category());
        if (!terms.isEmpty()) {
            return read(em -> ProductSearch.page(em, q, terms));
        }
        StringBuilder jpql = new StringBuilder("SELECT p FROM ProductEntity p WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.status() != null) {
            jpql.append(" AND p.status = :status");
            params.put("status", q.status().name());
        }
        if (q.after() != null) {
            jpql.append(" AND p.sku > :after");
            params.put("after", q.after());
        }
        jpql.append(" ORDER BY p.sku");
        return read(em -> {
            TypedQuery<ProductEntity> query = em.createQuery(jpql.toString(), ProductEntity.class);
            params.forEach(query::setParameter);
            List<Product> rows = query.setMaxResults(q.limit() + 1).getResultList().stream()
                    .map(ProductEntity::toProduct).collect(Collectors.toList());
            String next = null;
            if (rows.size() > q.limit()) {
                rows = new ArrayList<>(rows.subList(0, q.limit()));
                next = rows.get(rows.size() - 1).sku();
            }
            return new ProductPage(rows, next);
        });
    }

    long count() {
        return read(em -> em.createQuery("SELECT COUNT(p) FROM ProductEntity p", Long.class).getSingleResult());
    }

    // ------------------------------------------------------------------ prices (CAT-1)

    @Override
    public PriceProposal proposePrice(Caller caller, String sku, Money newPrice, CompetitorEvidence evidence, String reason) {
        caller.require(PRICE_PROPOSE);
        Product product = product(caller, sku);
        Map<String, Object> errors = new LinkedHashMap<>();
        if (newPrice == null) {
            errors.put("newPrice", "missing");
        } else if (!newPrice.isPositive()) {
            errors.put("newPrice", "must be more than 0");
        } else if (!newPrice.currency().equals(product.price().currency())) {
            errors.put("newPrice", "must be in " + product.price().currency().getCurrencyCode());
        } else if (newPrice.compareTo(product.price()) == 0) {
            errors.put("newPrice", "is the current price");
        }
        if (evidence == null) {
            errors.put("evidence", "missing: competitor, theirPrice, whereSeen, seenAt");
        } else {
            required(errors, "competitor", evidence.competitor(), 200);
            if (evidence.theirPrice() == null) {
                errors.put("theirPrice", "missing");
            } else if (evidence.theirPrice().amount().signum() < 0) {
                errors.put("theirPrice", "must not be negative");
            }
            required(errors, "whereSeen", evidence.whereSeen(), 500);
            if (evidence.seenAt() == null) {
                errors.put("seenAt", "missing");
            } else if (evidence.seenAt().isAfter(clock.now().plusSeconds(300))) {
                errors.put("seenAt", "is in the future");
            }
        }
        required(errors, "reason", reason, 2000);
        if (!errors.isEmpty()) {
            throw new ValidationException("the price proposal is incomplete: " + describe(errors), errors);
        }
        CompetitorEvidence e = new CompetitorEvidence(evidence.competitor().trim(),
                new Money(evidence.theirPrice().amount(), newPrice.currency()), evidence.whereSeen().trim(), evidence.seenAt());
        LocalDateTime now = Utc.of(clock.now());
        PriceProposal stored = inTransaction(em -> {
            PriceProposalEntity p = new PriceProposalEntity(sku, product.price(), newPrice, e, reason.trim(), caller.username(), now);
            em.persist(p);
            em.flush();
            return p.toProposal();
        });
        ApprovalRequest request;
        try {
            request = approvals.submit(caller, PRICE_CHANGE_KIND, subject(sku), payload(stored),
                    sku + " " + product.price().amount().toPlainString() + " → " + newPrice);
        } catch (RuntimeException ex) {
            setStatus(stored.id(), PriceProposalStatus.REJECTED);
            throw ex;
        }
        inTransaction(em -> em.createNativeQuery("UPDATE CAT_PRICE_PROPOSAL SET APPROVAL_ID = ?1 WHERE ID = ?2")
                .setParameter(1, request.id()).setParameter(2, stored.id()).executeUpdate());
        PriceProposal result = proposalById(stored.id());
        audit.record(caller, "catalog.price.proposed", subject(sku), "proposal " + result.id() + ", approval " + request.id()
                + ": " + product.price() + " → " + newPrice + "; " + e.competitor() + " sells at " + e.theirPrice() + " ("
                + e.whereSeen() + ", " + e.seenAt() + "); reason: " + result.reason());
        post(CatalogEvents.PRICE_PROPOSED, caller, sku, Map.of("proposal", result.id(), CatalogEvents.PRICE, newPrice.amount().toPlainString()));
        return result;
    }

    static String payload(PriceProposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proposalId", p.id());
        m.put("sku", p.sku());
        m.put("currentPrice", p.oldPrice().amount().toPlainString());
        m.put("newPrice", p.newPrice().amount().toPlainString());
        m.put("currency", p.newPrice().currency().getCurrencyCode());
        m.put("competitor", p.evidence().competitor());
        m.put("theirPrice", p.evidence().theirPrice().amount().toPlainString());
        m.put("whereSeen", p.evidence().whereSeen());
        m.put("seenAt", p.evidence().seenAt().toString());
        m.put("reason", p.reason());
        try {
            return JSON.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The approval engine's final approval (through {@link PriceChangeHandler}): approved, waiting to be applied. Idempotent. */
    void markApproved(long proposalId, ApprovalRequest request) {
        LocalDateTime now = Utc.of(clock.now());
        int rows = inTransaction(em -> em.createNativeQuery("UPDATE CAT_PRICE_PROPOSAL SET STATUS = ?1, APPROVED_AT = ?2,"
                        + " APPROVAL_ID = ?3 WHERE ID = ?4 AND STATUS = ?5")
                .setParameter(1, PriceProposalStatus.APPROVED_AWAITING_APPLY.name()).setParameter(2, java.sql.Timestamp.valueOf(now))
                .setParameter(3, request.id()).setParameter(4, proposalId).setParameter(5, PriceProposalStatus.PENDING.name())
                .executeUpdate());
        PriceProposal p = proposalById(proposalId);
        if (rows == 0) {
            if (p.status() == PriceProposalStatus.APPROVED_AWAITING_APPLY || p.status() == PriceProposalStatus.APPLIED) {
                return; // delivered again
            }
            throw new WubuException(NOT_APPROVED, "price proposal " + proposalId + " is " + p.status() + ", it cannot be approved");
        }
        Caller engine = new Caller("approval:" + request.id(), java.util.Set.of(), java.util.Set.of());
        audit.record(engine, "catalog.price.approved", subject(p.sku()), "proposal " + proposalId + " (" + p.oldPrice() + " → "
                + p.newPrice() + ") approved in request " + request.id() + "; waits for the content specialist to apply it");
        post(CatalogEvents.PRICE_APPROVED, engine, p.sku(), Map.of("proposal", proposalId));
    }

    /** The approval engine reports a rejection: the proposal ends. */
    void markRejected(long approvalId) {
        inTransaction(em -> em.createNativeQuery("UPDATE CAT_PRICE_PROPOSAL SET STATUS = ?1 WHERE APPROVAL_ID = ?2 AND STATUS = ?3")
                .setParameter(1, PriceProposalStatus.REJECTED.name()).setParameter(2, approvalId)
                .setParameter(3, PriceProposalStatus.PENDING.name()).executeUpdate());
    }

    private void setStatus(long id, PriceProposalStatus status) {
        inTransaction(em -> em.createNativeQuery("UPDATE CAT_PRICE_PROPOSAL SET STATUS = ?1 WHERE ID = ?2")
                .setParameter(1, status.name()).setParameter(2, id).executeUpdate());
    }

    @Override
    public Product applyPrice(Caller caller, long proposalId) {
        caller.require(PRICE_APPLY);
        LocalDateTime now = Utc.of(clock.now());
        PriceProposal proposal = proposalById(proposalId);
        Money[] old = new Money[1];
        Product after = inTransaction(em -> {
            int rows = em.createNativeQuery("UPDATE CAT_PRICE_PROPOSAL SET STATUS = ?1, APPLIED_BY = ?2, APPLIED_AT = ?3"
                            + " WHERE ID = ?4 AND STATUS = ?5")
                    .setParameter(1, PriceProposalStatus.APPLIED.name()).setParameter(2, caller.username())
                    .setParameter(3, java.sql.Timestamp.valueOf(now)).setParameter(4, proposalId)
                    .setParameter(5, PriceProposalStatus.APPROVED_AWAITING_APPLY.name()).executeUpdate();
            if (rows == 0) {
                throw new WubuException(NOT_APPROVED, "price proposal " + proposalId + " cannot be applied: it is "
                        + proposal.status() + (proposal.status() == PriceProposalStatus.PENDING
                        ? " (the marketing director has not approved it yet)" : ""),
                        Map.of("status", proposal.status().name()));
            }
            ProductEntity p = em.find(ProductEntity.class, proposal.sku());
            old[0] = p.money();
            p.price(proposal.newPrice());
            p.touched(caller.username(), now);
            em.persist(new PriceHistoryEntity(proposal.sku(), old[0], proposal.newPrice(), caller.username(), now, proposalId,
                    proposal.reason()));
            em.flush();
            Product changed = p.toProduct();
            Revisions.write(em, changed.sku(), changed.version(), ProductRevision.PRICE_APPLIED, caller.username(), now,
                    List.of(new FieldChange("price", old[0].toString(), changed.price().toString())));
            return changed;
        });
        audit.record(caller, "catalog.price.applied", subject(after.sku()), "proposal " + proposalId + " by "
                + proposal.proposedBy() + ", approval " + proposal.approvalId() + ": " + old[0] + " → " + after.price());
        post(CatalogEvents.PRICE_CHANGED, caller, after.sku(), Map.of(CatalogEvents.PRICE, after.price().amount().toPlainString(),
                "proposal", proposalId));
        return after;
    }

    @Override
    public PriceProposal proposal(Caller caller, long proposalId) {
        caller.require(READ);
        return proposalById(proposalId);
    }

    PriceProposal proposalById(long id) {
        return read(em -> Optional.ofNullable(em.find(PriceProposalEntity.class, id)).map(PriceProposalEntity::toProposal))
                .orElseThrow(() -> new NotFoundException("price proposal", String.valueOf(id)));
    }

    @Override
    public List<PriceHistoryEntry> priceHistory(Caller caller, String sku) {
        caller.require(READ);
        product(caller, sku);
        return read(em -> em.createQuery("SELECT h FROM PriceHistoryEntity h WHERE h.sku = :sku ORDER BY h.id DESC",
                        PriceHistoryEntity.class).setParameter("sku", sku).setMaxResults(500).getResultList().stream()
                .map(PriceHistoryEntity::toEntry).collect(Collectors.toList()));
    }

    @Override
    public List<PriceProposal> priceProposals(Caller caller, String sku, PriceProposalStatus status, int limit) {
        caller.require(READ);
        if (limit < 1 || limit > MAX_PROPOSALS) {
            throw new ValidationException("limit must be between 1 and " + MAX_PROPOSALS + " (got " + limit + ")", Map.of("limit", "out of range"));
        }
        if (sku != null) {
            product(caller, sku);
        }
        // newest first by id; for one product the (SKU, ID) index serves it (Derby refuses "? IS NULL": build the filter)
        String jpql = "SELECT p FROM PriceProposalEntity p WHERE 1 = 1" + (sku == null ? "" : " AND p.sku = :sku")
                + (status == null ? "" : " AND p.status = :status") + " ORDER BY p.id DESC";
        return read(em -> {
            TypedQuery<PriceProposalEntity> q = em.createQuery(jpql, PriceProposalEntity.class);
            if (sku != null) {
                q.setParameter("sku", sku);
            }
            if (status != null) {
                q.setParameter("status", status.name());
            }
            return q.setMaxResults(limit).getResultList().stream()
                    .map(PriceProposalEntity::toProposal).collect(Collectors.toList());
        });
    }

    // ------------------------------------------------------------------ listing and abnormal delisting (CAT-2, CAT-3, CAT-7)

    static final int MAX_REASON = 480; // "abnormal: " + reason fits DELIST_REASON (500)

    /** What a product's own fields lack to go on sale, each item named; {@link #lacking} adds the image. */
    static Map<String, Object> missingForListing(Product p) {
        Map<String, Object> missing = new LinkedHashMap<>();
        if (p.titleZh() == null || p.titleZh().isBlank()) {
            missing.put("titleZh", "missing: a Chinese title");
        }
        if (p.titleEn() == null || p.titleEn().isBlank()) {
            missing.put("titleEn", "missing: an English title");
        }
        if (p.price() == null || !p.price().isPositive()) {
            missing.put("price", "missing: a price above 0");
        }
        if (p.stock() <= 0) {
            missing.put("stock", "missing: stock above 0");
        }
        return missing;
    }

    /** Everything a product lacks to go on sale (CAT-7), the image (see {@link ProductImages}) included. */
    Map<String, Object> lacking(Product p) {
        Map<String, Object> missing = missingForListing(p);
        if (read(em -> ProductImages.count(em, p.sku())) == 0) {
            missing.put("image", ProductImages.MISSING_IMAGE);
        }
        return missing;
    }

    /** Throws naming every missing item, or a wrong status, when the product cannot be proposed for listing. */
    void checkListable(Product p) {
        Map<String, Object> missing = lacking(p);
        if (!missing.isEmpty()) {
            throw new ValidationException("product " + p.sku() + " cannot be listed, it lacks: " + describe(missing), missing);
        }
        if (p.status() == ProductStatus.LISTED) {
            throw new WubuException(WRONG_STATUS, "product " + p.sku() + " is already listed", Map.of("status", p.status().name()));
        }
    }

    /** Throws when the product cannot be proposed for an abnormal delisting. */
    static void checkDelistable(Product p) {
        if (p.status() != ProductStatus.LISTED) {
            throw new WubuException(WRONG_STATUS, "product " + p.sku() + " is " + p.status() + ": only a listed product is delisted",
                    Map.of("status", p.status().name()));
        }
    }

    private static String reason(String reason, boolean required) {
        Map<String, Object> errors = new LinkedHashMap<>();
        if (required) {
            required(errors, "reason", reason, MAX_REASON);
        } else if (reason != null && reason.trim().length() > MAX_REASON) {
            errors.put("reason", "longer than " + MAX_REASON + " characters");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the request is incomplete: " + describe(errors), errors);
        }
        return text(reason);
    }

    static String requestPayload(String sku, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", sku);
        m.put("reason", reason);
        try {
            return JSON.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long requestListing(Caller caller, String sku, String reason) {
        caller.require(LISTING_PROPOSE);
        Product p = product(caller, sku);
        checkListable(p);
        String why = reason(reason, false);
        ApprovalRequest request = approvals.submit(caller, LISTING_KIND, subject(sku), requestPayload(sku, why),
                "List " + sku + " (" + p.titleZh() + ") at " + p.price() + ", stock " + p.stock());
        audit.record(caller, "catalog.listing.requested", subject(sku), "approval " + request.id() + ", status " + p.status()
                + (why.isEmpty() ? "" : "; reason: " + why));
        return request.id();
    }

    @Override
    public long requestDelisting(Caller caller, String sku, String reason) {
        caller.require(DELISTING_PROPOSE);
        String why = reason(reason, true);
        Product p = product(caller, sku);
        checkDelistable(p);
        ApprovalRequest request = approvals.submit(caller, DELISTING_KIND, subject(sku), requestPayload(sku, why),
                "Delist " + sku + " (" + p.titleZh() + "): " + why);
        audit.record(caller, "catalog.delisting.requested", subject(sku), "approval " + request.id() + "; reason: " + why);
        return request.id();
    }

    /**
     * The approval engine's final approval of a listing (through {@link ListingHandler}): checks the
     * product again and lists it. Delivered again after it took effect, it changes nothing.
     */
    void applyListing(String sku, ApprovalRequest request) {
        Caller engine = new Caller("approval:" + request.id(), java.util.Set.of(), java.util.Set.of());
        LocalDateTime now = Utc.of(clock.now());
        Product before = product(Caller.SYSTEM, sku);
        if (before.status() == ProductStatus.LISTED) {
            return; // delivered again, or listed meanwhile
        }
        Map<String, Object> missing = lacking(before);
        if (!missing.isEmpty()) {
            throw new ValidationException("product " + sku + " cannot be listed now, it lacks: " + describe(missing), missing);
        }
        int rows = inTransaction(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> was = em.createNativeQuery("SELECT STATUS, DELIST_REASON FROM CAT_PRODUCT WHERE SKU = ?1")
                    .setParameter(1, sku).getResultList();
            int n = em.createNativeQuery("UPDATE CAT_PRODUCT SET STATUS = ?1, DELIST_REASON = NULL,"
                            + " UPDATED_BY = ?2, UPDATED_AT = ?3, VERSION = VERSION + 1 WHERE SKU = ?4 AND STATUS <> ?1"
                            + " AND STOCK > 0 AND PRICE > 0 AND EXISTS (SELECT 1 FROM CAT_PRODUCT_IMAGE I WHERE I.SKU = ?4)")
                    .setParameter(1, ProductStatus.LISTED.name()).setParameter(2, engine.username())
                    .setParameter(3, java.sql.Timestamp.valueOf(now)).setParameter(4, sku).executeUpdate();
            if (n == 1) {
                ProductSearch.restatus(em, sku);
                List<FieldChange> c = new ArrayList<>();
                c.add(new FieldChange("status", (String) was.get(0)[0], ProductStatus.LISTED.name()));
                if (was.get(0)[1] != null) {
                    c.add(new FieldChange("delistReason", (String) was.get(0)[1], null));
                }
                Revisions.write(em, sku, Revisions.currentVersion(em, sku), ProductRevision.LISTED, engine.username(), now, c);
            }
            return n;
        });
        if (rows == 0) {
            Product current = product(Caller.SYSTEM, sku);
            if (current.status() == ProductStatus.LISTED) {
                return;
            }
            Map<String, Object> lacking = lacking(current);
            throw new ValidationException("product " + sku + " cannot be listed now, it lacks: " + describe(lacking), lacking);
        }
        audit.record(engine, "catalog.product.listed", subject(sku), "approval " + request.id() + " requested by "
                + request.requester() + ": " + before.status() + " → LISTED at " + before.price() + ", stock " + before.stock());
        post(CatalogEvents.LISTED, engine, sku, Map.of(CatalogEvents.STOCK, before.stock(),
                CatalogEvents.PRICE, before.price().amount().toPlainString()));
    }

    /**
     * The approval engine's final approval of an abnormal delisting (through {@link DelistingHandler}):
     * delists a listed product with reason "abnormal: ...". A product no longer listed is left as it is.
     */
    void applyDelisting(String sku, String reason, ApprovalRequest request) {
        Caller engine = new Caller("approval:" + request.id(), java.util.Set.of(), java.util.Set.of());
        LocalDateTime now = Utc.of(clock.now());
        String delistReason = DELIST_ABNORMAL_PREFIX + reason;
        product(Caller.SYSTEM, sku);
        int rows = inTransaction(em -> {
            int n = em.createNativeQuery("UPDATE CAT_PRODUCT SET STATUS = ?1, DELIST_REASON = ?2,"
                            + " UPDATED_BY = ?3, UPDATED_AT = ?4, VERSION = VERSION + 1 WHERE SKU = ?5 AND STATUS = ?6")
                    .setParameter(1, ProductStatus.DELISTED.name()).setParameter(2, delistReason).setParameter(3, engine.username())
                    .setParameter(4, java.sql.Timestamp.valueOf(now)).setParameter(5, sku)
                    .setParameter(6, ProductStatus.LISTED.name()).executeUpdate();
            if (n == 1) {
                ProductSearch.restatus(em, sku);
                Revisions.write(em, sku, Revisions.currentVersion(em, sku), ProductRevision.DELISTED, engine.username(), now,
                        delisted(delistReason));
            }
            return n;
        });
        if (rows == 0) {
            LOG.info("Abnormal delisting of {} (approval {}) changed nothing: the product is not listed", sku, request.id());
            return; // delivered again, or no longer listed
        }
        audit.record(engine, "catalog.product.delisted", subject(sku), "reason " + delistReason + "; approval " + request.id()
                + " requested by " + request.requester());
        Map<String, Object> props = Map.of(CatalogEvents.REASON, delistReason);
        post(CatalogEvents.DELISTED, engine, sku, props);
        post(CatalogEvents.PRODUCT_DELISTED, engine, sku, props);
    }

    // ------------------------------------------------------------------ stock (CAT-5, CAT-3)

    @Override
    public StockMovement recordMovement(Caller caller, String sku, StockMovementKind kind, long quantity, String why) {
        if (kind == null) {
            throw new ValidationException("kind is required: RECEIPT, SALE, RETURN or COUNT_ADJUSTMENT", Map.of("kind", "missing"));
        }
        switch (kind) {
            case RECEIPT, RETURN -> {
                caller.require(STOCK_MOVE);
                positive(quantity);
                return move(caller, sku, kind, quantity, quantity, 0, why);
            }
            case SALE -> {
                caller.require(STOCK_MOVE);
                positive(quantity);
                return move(caller, sku, kind, quantity, -quantity, 0, why);
            }
            case COUNT_ADJUSTMENT -> {
                caller.require(STOCK_COUNT);
                if (quantity == 0) {
                    throw new ValidationException("quantity of a count adjustment is the difference found, not 0",
                            Map.of("quantity", "zero"));
                }
                return move(caller, sku, kind, quantity, quantity, 0, why);
            }
            default -> throw new ValidationException("kind " + kind + " is not recorded directly: use reserve, release or commit",
                    Map.of("kind", "not allowed"));
        }
    }

    @Override
    public StockMovement reserve(Caller caller, String sku, long quantity, String reference) {
        caller.require(STOCK_RESERVE);
        positive(quantity);
        return move(caller, sku, StockMovementKind.RESERVATION, quantity, -quantity, quantity, reference);
    }

    @Override
    public StockMovement release(Caller caller, String sku, long quantity, String reference) {
        caller.require(STOCK_RESERVE);
        positive(quantity);
        return move(caller, sku, StockMovementKind.RELEASE, quantity, quantity, -quantity, reference);
    }

    @Override
    public StockMovement commit(Caller caller, String sku, long quantity, String reference) {
        caller.require(STOCK_RESERVE);
        positive(quantity);
        return move(caller, sku, StockMovementKind.SALE, quantity, 0, -quantity, reference);
    }

    private static void positive(long quantity) {
        if (quantity <= 0) {
            throw new ValidationException("quantity must be a positive whole number (got " + quantity + ")",
                    Map.of("quantity", "not positive"));
        }
    }

    /**
     * One movement in one transaction: a single guarded UPDATE of the product's stock (and reserved
     * count), whose row count says whether there was enough; the ledger entry; and, when stock
     * reaches 0, the normal delisting of a listed product.
     */
    private StockMovement move(Caller caller, String sku, StockMovementKind kind, long quantity, long change,
                               long reservedChange, String why) {
        Map<String, Object> errors = new LinkedHashMap<>();
        required(errors, "why", why, 500);
        if (sku == null || sku.isBlank()) {
            errors.put("sku", "missing");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the stock movement is incomplete: " + describe(errors), errors);
        }
        LocalDateTime now = Utc.of(clock.now());
        Applied applied = inTransaction(em -> {
            Applied a = applyMovement(em, caller, sku, kind, quantity, change, reservedChange, why.trim(), now);
            if (a != null && reservedChange != 0) {
                MovementRows.of(em).holdings(why.trim(), Map.of(sku, reservedChange), now); // what the reference still holds
            }
            if (a == null) {
                List<?> current = em.createNativeQuery("SELECT STOCK, RESERVED FROM CAT_PRODUCT WHERE SKU = ?1")
                        .setParameter(1, sku).getResultList();
                if (current.isEmpty()) {
                    throw new NotFoundException("product", sku);
                }
                Object[] row = (Object[]) current.get(0);
                long stock = ((Number) row[0]).longValue();
                long reserved = ((Number) row[1]).longValue();
                if (reservedChange < 0 && reserved + reservedChange < 0) {
                    throw new WubuException(INSUFFICIENT_STOCK, "only " + reserved + " units of " + sku
                            + " are reserved; cannot " + (kind == StockMovementKind.RELEASE ? "release" : "commit") + " " + quantity,
                            Map.of("reserved", reserved, "quantity", quantity));
                }
                throw new WubuException(INSUFFICIENT_STOCK, "only " + stock + " units of " + sku + " in stock; "
                        + kind.name().toLowerCase(Locale.ROOT) + " of " + Math.abs(change) + " would take it below zero",
                        Map.of("stock", stock, "quantity", quantity));
            }
            return a;
        });
        announceMovement(caller, applied, kind);
        return applied.movement();
    }

    /** A stock movement written in a transaction, and whether it emptied a listed product (normal delisting). */
    record Applied(StockMovement movement, long change, boolean depleted) {
    }

    /**
     * One movement inside the caller's transaction, shared by single movements and multi-line reservations
     * ({@link StockReservationStore}): a single guarded UPDATE of stock and reserved units (whose row count
     * says whether there was enough), the ledger entry (the caller then records what the reference still holds,
     * {@link MovementRows#holdings}, once for all its lines), and, when a listed product's stock reaches 0, its normal
     * delisting with a revision (CAT-3). Answers null when the UPDATE found too few units or no product: the
     * caller names the refusal and its transaction rolls back.
     */
    Applied applyMovement(EntityManager em, Caller caller, String sku, StockMovementKind kind, long quantity, long change,
                          long reservedChange, String why, LocalDateTime now) {
        MovementRows rows = MovementRows.of(em);
        if (!rows.change(sku, change, reservedChange)) {
            return null;
        }
        return recordMovement(em, caller, sku, kind, quantity, change, rows.stock(sku), why, now);
    }

    /**
     * The ledger entry of a stock change already made in this transaction ({@code after}: the stock it left), and the
     * normal delisting when it took the last unit. Several products' changes may come first, then their entries.
     */
    Applied recordMovement(EntityManager em, Caller caller, String sku, StockMovementKind kind, long quantity, long change,
                           long after, String why, LocalDateTime now) {
        StockMovement movement = MovementRows.of(em).ledger(sku, kind, quantity, change, after, caller.username(), why, now);
        boolean depleted = false;
        if (after == 0 && change < 0) {
            depleted = em.createNativeQuery("UPDATE CAT_PRODUCT SET STATUS = ?1, DELIST_REASON = ?2, UPDATED_BY = ?3,"
                            + " UPDATED_AT = ?4, VERSION = VERSION + 1 WHERE SKU = ?5 AND STATUS = ?6 AND STOCK = 0")
                    .setParameter(1, ProductStatus.DELISTED.name()).setParameter(2, DELIST_NORMAL)
                    .setParameter(3, caller.username()).setParameter(4, java.sql.Timestamp.valueOf(now)).setParameter(5, sku)
                    .setParameter(6, ProductStatus.LISTED.name()).executeUpdate() == 1;
            if (depleted) {
                ProductSearch.restatus(em, sku); // the search's status filter reads the term index (V7)
                Revisions.write(em, sku, Revisions.currentVersion(em, sku), ProductRevision.DELISTED, caller.username(), now,
                        delisted(DELIST_NORMAL));
                em.flush(); // the revision, in this transaction, before anything else reads the product
            }
        }
        return new Applied(movement, change, depleted);
    }

    /** The audit entries and events of a committed movement (and of the normal delisting it caused). */
    void announceMovement(Caller caller, Applied a, StockMovementKind kind) {
        StockMovement m = a.movement();
        audit.record(caller, "catalog.stock." + kind.name().toLowerCase(Locale.ROOT), subject(m.sku()), "quantity " + m.quantity()
                + ", change " + a.change() + ", stock after " + m.stockAfter() + "; " + m.why());
        announceWithoutAudit(caller, a, kind);
    }

    /**
     * The audit entry and events of several movements committed together for one reference (an order's
     * lines): ONE audit entry naming every line, as the movements were one change; each line's movement is
     * in the product's stock ledger with who and why. An audit entry per line cost a durable commit each.
     */
    void announceMovements(Caller caller, String reference, List<Applied> applied, StockMovementKind kind) {
        if (applied.isEmpty()) {
            return;
        }
        StringBuilder details = new StringBuilder();
        for (Applied a : applied) {
            StockMovement m = a.movement();
            details.append(details.length() == 0 ? "" : "; ").append(m.sku()).append(" quantity ").append(m.quantity())
                    .append(", change ").append(a.change()).append(", stock after ").append(m.stockAfter());
        }
        audit.record(caller, "catalog.stock." + kind.name().toLowerCase(Locale.ROOT), "stock:" + reference, details.toString());
        for (Applied a : applied) {
            announceWithoutAudit(caller, a, kind);
        }
    }

    private void announceWithoutAudit(Caller caller, Applied a, StockMovementKind kind) {
        StockMovement m = a.movement();
        String sku = m.sku();
        post(CatalogEvents.STOCK_MOVED, caller, sku, Map.of(CatalogEvents.STOCK, m.stockAfter(), "kind", kind.name(),
                "change", a.change()));
        if (a.depleted()) {
            audit.record(caller, "catalog.product.delisted", subject(sku), "reason " + DELIST_NORMAL
                    + ": stock reached 0 (" + kind.name().toLowerCase(Locale.ROOT) + " of " + m.quantity() + ")");
            Map<String, Object> props = Map.of(CatalogEvents.STOCK, 0L, CatalogEvents.REASON, DELIST_NORMAL);
            post(CatalogEvents.STOCK_DEPLETED, caller, sku, props);
            post(CatalogEvents.PRODUCT_DELISTED, caller, sku, props);
        }
    }

    @Override
    public List<StockMovement> movements(Caller caller, String sku, Long before, int limit) {
        caller.require(READ);
        product(caller, sku);
        int max = Math.max(1, Math.min(limit, MAX_MOVEMENTS));
        return read(em -> em.createQuery("SELECT m FROM StockMovementEntity m WHERE m.sku = :sku AND m.id < :before"
                                + " ORDER BY m.id DESC", StockMovementEntity.class)
                .setParameter("sku", sku).setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults(max).getResultList().stream().map(StockMovementEntity::toMovement).collect(Collectors.toList()));
    }

    // ------------------------------------------------------------------ edit history (CAT-7)

    @Override
    public List<ProductRevision> history(Caller caller, String sku, Long beforeVersion, int limit) {
        caller.require(READ);
        product(caller, sku);
        int max = Math.max(1, Math.min(limit, ProductHistory.MAX_LIMIT));
        return read(em -> Revisions.read(em, sku, beforeVersion, max));
    }

    private static List<FieldChange> delisted(String reason) {
        return List.of(new FieldChange("status", ProductStatus.LISTED.name(), ProductStatus.DELISTED.name()),
                new FieldChange("delistReason", null, reason));
    }

    // ------------------------------------------------------------------ helpers

    static String subject(String sku) {
        return "product:" + sku;
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    /** Checks a draft, naming every bad field (and attribute); returns its attributes trimmed. */
    private static List<ProductAttribute> validate(ProductDraft d, boolean creating) {
        Map<String, Object> errors = new LinkedHashMap<>();
        if (d == null) {
            throw new ValidationException("the product is missing", Map.of("product", "missing"));
        }
        if (d.sku() == null || d.sku().isBlank()) {
            errors.put("sku", "missing");
        } else if (!d.sku().matches(SKU_PATTERN)) {
            errors.put("sku", "must be 2 to 64 capital letters, digits and '-', starting with a letter or digit");
        }
        required(errors, "titleZh", d.titleZh(), 200);
        required(errors, "titleEn", d.titleEn(), 200);
        if (d.descriptionZh() != null && d.descriptionZh().length() > 4000) {
            errors.put("descriptionZh", "longer than 4000 characters");
        }
        if (d.descriptionEn() != null && d.descriptionEn().length() > 4000) {
            errors.put("descriptionEn", "longer than 4000 characters");
        }
        required(errors, "category", d.category(), 200);
        if (creating) {
            if (d.price() == null) {
                errors.put("price", "missing");
            } else if (!d.price().isPositive()) {
                errors.put("price", "must be more than 0");
            } else if (d.price().amount().precision() - d.price().amount().scale() > 10) {
                errors.put("price", "too large");
            }
        }
        List<ProductAttribute> attributes = ProductAttributes.validate(d.attributes(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("the product is not valid: " + describe(errors), errors);
        }
        return attributes;
    }

    private static void required(Map<String, Object> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "missing");
        } else if (value.trim().length() > max) {
            errors.put(field, "longer than " + max + " characters");
        }
    }

    private static String describe(Map<String, Object> errors) {
        return errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private void post(String topic, Caller caller, String sku, Map<String, Object> extra) {
        EventAdmin ea = eventAdmin;
        if (ea == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>(extra);
        props.put(Topics.ACTOR, caller.username());
        props.put(Topics.SUBJECT, sku);
        props.put(Topics.TIME, clock.now().toString());
        props.put(CatalogEvents.SKU, sku);
        Event event = new Event(topic, props);
        UnitOfWork u = units;
        if (u == null) {
            ea.postEvent(event);
        } else {
            u.afterCommit(() -> ea.postEvent(event)); // nothing is announced that may still roll back
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(EntityManager em);
    }

    <T> T inTransaction(Work<T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.run(em);
            em.getTransaction().commit();
            return result;
        } finally {
            rollbackIfActive(em);
            em.close();
        }
    }

    private <T> T read(Work<T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.run(em);
        } finally {
            em.close();
        }
    }

    private static void rollbackIfActive(EntityManager em) {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
    }
}
