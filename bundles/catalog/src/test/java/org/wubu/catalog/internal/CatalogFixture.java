package org.wubu.catalog.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.rules.ExternalResource;
import org.wubu.testsupport.MovableClock;
import org.wubu.testsupport.TestDatabase;
import org.wubu.testsupport.RecordingAudit;
import org.wubu.testsupport.TestPlatform;
import org.wubu.approvals.api.ApprovalDecision;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.approvals.api.ApprovalKind;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.approvals.api.ApprovalState;
import org.wubu.approvals.api.Decision;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * A fresh catalog for one test: embedded Derby under target/ with the bundle's migrations applied in
 * order, EclipseLink, a clock the test moves, an audit log that remembers "action subject", and a
 * one-step approval engine that keeps the engine's rules that matter here (the requester never
 * decides their own request; only the step's role decides; the final approval calls apply).
 */
class CatalogFixture extends ExternalResource {

    static final Caller PLANNER = new Caller("planner", Set.of("planner"), Set.of("catalog.read", "catalog.price.propose",
            "catalog.listing.propose"));
    static final Caller DIRECTOR = new Caller("director", Set.of("marketing-director"),
            Set.of("*.read", "catalog.price.approve", "approvals.decide"));
    static final Caller SPECIALIST = new Caller("specialist", Set.of("content-specialist"),
            Set.of("catalog.read", "catalog.product.edit", "catalog.price.apply", "catalog.listing.propose", "catalog.delisting.propose"));
    static final Caller LEAD = new Caller("lead", Set.of("department-lead"),
            Set.of("*.read", "catalog.delisting.approve", "approvals.decide"));
    static final Caller DESIGNER = new Caller("designer", Set.of("designer"), Set.of("catalog.read", "catalog.product.edit"));
    static final Caller WAREHOUSE = new Caller("warehouse", Set.of("warehouse"),
            Set.of("catalog.read", "catalog.stock.move", "catalog.stock.count"));
    static final Caller ORDERS = new Caller("orders", Set.of(), Set.of("catalog.read", "catalog.stock.reserve"));

    private final RecordingAudit audit = new RecordingAudit();
    /** "action subject" of every audit entry, in order. */
    final List<String> audited = audit.recorded;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T02:00:00Z"));
    final FakeApprovals approvals = new FakeApprovals();
    TestDatabase database;
    EmbeddedDataSource ds;
    EntityManagerFactory emf;
    CatalogStore catalog;
    PriceChangeHandler handler;
    final MemoryMedia media = new MemoryMedia();
    ProductImages images;

    @Override
    protected void before() throws Exception {
        database = TestDatabase.withMigrations("catalog");
        ds = database.dataSource;
        emf = Persistence.createEntityManagerFactory("wubu-catalog", Map.of("javax.persistence.nonJtaDataSource", ds));
        catalog = new CatalogStore(emf, new SchemaReady() { }, clock(), audit(), approvals, platform(false));
        catalog.awaitStartWork(); // its background start work may otherwise fill the category tree mid-test
        handler = new PriceChangeHandler(catalog);
        images = new ProductImages(emf, new SchemaReady() { }, clock(), audit(), media, catalog);
        approvals.handler = handler;
        approvals.handlers.put(ListingHandler.KIND.id(), new ListingHandler(catalog));
        approvals.handlers.put(DelistingHandler.KIND.id(), new DelistingHandler(catalog));
    }

    /** Gives a product an image (CAT-7: none is listed without one). */
    void withImage(String sku) {
        images.add(Caller.SYSTEM, sku, media.image(sku), "图 " + sku, "Picture of " + sku);
    }

    ListingHandler listing() {
        return (ListingHandler) approvals.handlers.get(ListingHandler.KIND.id());
    }

    DelistingHandler delisting() {
        return (DelistingHandler) approvals.handlers.get(DelistingHandler.KIND.id());
    }

    @Override
    protected void after() {
        catalog.deactivate();
        emf.close();
        database.shutdown();
    }

    ShopClock clock() {
        return new MovableClock(now);
    }

    AuditService audit() {
        return audit;
    }

    static PlatformInfo platform(boolean demo) {
        return demo ? TestPlatform.DEMO : TestPlatform.PRODUCTION;
    }

    /** A one-step approval engine with the rules the catalog relies on. */
    final class FakeApprovals implements ApprovalService {

        PriceChangeHandler handler;
        final Map<String, ApprovalHandler> handlers = new HashMap<>();
        final Map<Long, ApprovalRequest> requests = new HashMap<>();
        private final AtomicLong ids = new AtomicLong(100);

        @Override
        public synchronized ApprovalRequest submit(Caller requester, String kind, String subject, String payload, String summary) {
            ApprovalHandler h = handler(kind);
            ApprovalKind k = h.kind();
            h.validate(requester, payload);
            ApprovalRequest r = new ApprovalRequest(ids.incrementAndGet(), kind, subject, payload, summary, requester.username(),
                    now.get(), ApprovalState.PENDING, k.chain(), 0, false, List.of(), null, null, null, null);
            requests.put(r.id(), r);
            return r;
        }

        @Override
        public synchronized ApprovalRequest decide(Caller decider, long id, Decision decision, String comment) {
            ApprovalRequest r = requests.get(id);
            if (r.requester().equals(decider.username())) {
                throw new WubuException(OWN_REQUEST, "you cannot decide your own request");
            }
            if (r.state() != ApprovalState.PENDING) {
                throw new WubuException(NOT_PENDING, "not pending");
            }
            if (!r.chain().get(0).heldBy(decider) || !decider.hasPermission(DECIDE)) {
                throw new WubuException(NOT_YOUR_STEP, "not your step");
            }
            List<ApprovalDecision> d = List.of(new ApprovalDecision(0, decider.username(), now.get(), decision, comment));
            ApprovalRequest decided = new ApprovalRequest(r.id(), r.kind(), r.subject(), r.payload(), r.summary(), r.requester(),
                    r.createdAt(), decision == Decision.APPROVE ? ApprovalState.APPROVED : ApprovalState.REJECTED, r.chain(), 1,
                    false, d, now.get(), null, null, null);
            if (decision == Decision.APPROVE) {
                try {
                    handler(r.kind()).apply(decided);
                } catch (Exception e) {
                    throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
                }
                decided = new ApprovalRequest(r.id(), r.kind(), r.subject(), r.payload(), r.summary(), r.requester(),
                        r.createdAt(), ApprovalState.APPLIED, r.chain(), 1, false, d, now.get(), null, now.get(), null);
            } else {
                catalog.markRejected(id);
            }
            requests.put(id, decided);
            return decided;
        }

        @Override
        public ApprovalRequest decide(Caller decider, long id, int step, Decision decision, String comment) {
            return decide(decider, id, decision, comment);
        }

        @Override
        public List<ApprovalRequest> inbox(Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApprovalRequest> mine(Caller caller, Long before, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized ApprovalRequest get(Caller caller, long id) {
            return requests.get(id);
        }

        @Override
        public Optional<String> render(Caller caller, long id, Locale locale) {
            ApprovalRequest r = requests.get(id);
            return Optional.of(handler(r.kind()).render(r, locale));
        }

        @Override
        public List<ApprovalRequest> overdue(Caller caller) {
            return List.of();
        }

        @Override
        public List<ApprovalKind> kinds() {
            return List.of(handler.kind(), handlers.get(ListingHandler.KIND.id()).kind(),
                    handlers.get(DelistingHandler.KIND.id()).kind());
        }

        ApprovalHandler handler(String kind) {
            if (handler.kind().id().equals(kind)) {
                return handler;
            }
            ApprovalHandler h = handlers.get(kind);
            if (h == null) {
                throw new WubuException(MODULE_NOT_RUNNING, "no handler for " + kind);
            }
            return h;
        }
    }
}
