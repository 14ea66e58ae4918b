package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.wubu.catalog.internal.CatalogFixture.DESIGNER;
import static org.wubu.catalog.internal.CatalogFixture.DIRECTOR;
import static org.wubu.catalog.internal.CatalogFixture.ORDERS;
import static org.wubu.catalog.internal.CatalogFixture.PLANNER;
import static org.wubu.catalog.internal.CatalogFixture.SPECIALIST;
import static org.wubu.catalog.internal.CatalogFixture.WAREHOUSE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.approvals.api.Decision;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.CompetitorEvidence;
import org.wubu.catalog.api.PriceHistoryEntry;
import org.wubu.catalog.api.PriceProposal;
import org.wubu.catalog.api.PriceProposalStatus;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductPage;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.StockMovement;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;

public class CatalogStoreTest {

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private Product listed(String sku, String price, long stock) {
        return f.catalog.insert(Caller.SYSTEM, new ProductDraft(sku, "测试商品 " + sku, "Test product " + sku, "", "", "test",
                Money.cny(price)), ProductStatus.LISTED, stock);
    }

    private CompetitorEvidence evidence() {
        return new CompetitorEvidence("天猫旗舰店", Money.cny("115.00"), "https://tmall.example/item/1", Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    public void aStaleEditIsAConflictNamingWhoChangedItAndWhen() {
        Product p = f.catalog.create(SPECIALIST, new ProductDraft("TEA-1", "龙井", "Longjing", null, null, "tea", Money.cny("128.00")));
        assertEquals(ProductStatus.DRAFT, p.status());
        f.now.set(Instant.parse("2026-11-27T03:04:05Z"));
        Product edited = f.catalog.edit(DESIGNER, "TEA-1", new ProductDraft("TEA-1", "西湖龙井", "West Lake Longjing", "新描述", "", "tea/green", null), p.version());
        assertEquals("西湖龙井", edited.titleZh());
        assertTrue(edited.version() > p.version());
        try {
            f.catalog.edit(SPECIALIST, "TEA-1", new ProductDraft("TEA-1", "龙井茶", "Longjing tea", "", "", "tea", null), p.version());
            fail("a stale version must be refused");
        } catch (WubuException e) {
            assertEquals(CatalogService.CONFLICT, e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("changed by designer at 2026-11-27 11:04:05, reload"));
        }
        assertEquals("西湖龙井", f.catalog.find(SPECIALIST, "TEA-1").orElseThrow().titleZh());
        assertTrue(f.audited.contains("catalog.product.edited product:TEA-1"));
    }

    @Test
    public void validationNamesEveryBadFieldAndPermissionsComeFirst() {
        try {
            f.catalog.create(SPECIALIST, new ProductDraft("bad sku", " ", null, null, null, "", Money.cny("0")));
            fail();
        } catch (ValidationException e) {
            assertEquals(java.util.Set.of("sku", "titleZh", "titleEn", "category", "price"), e.details().keySet());
        }
        try {
            f.catalog.create(PLANNER, new ProductDraft("X-1", "x", "x", null, null, "x", Money.cny("1")));
            fail();
        } catch (PermissionDeniedException e) {
            assertEquals("catalog.product.edit", e.details().get("permission"));
        }
    }

    @Test
    public void listIsKeysetPagedAndFiltered() {
        for (int i = 0; i < 7; i++) {
            listed("SKU-" + i, "10.00", 3);
        }
        f.catalog.create(SPECIALIST, new ProductDraft("DRAFT-1", "草稿", "Draft thing", null, null, "x", Money.cny("1.00")));
        ProductPage first = f.catalog.list(WAREHOUSE, new ProductQuery(ProductStatus.LISTED, null, null, 3));
        assertEquals(List.of("SKU-0", "SKU-1", "SKU-2"), first.items().stream().map(Product::sku).toList());
        assertEquals("SKU-2", first.nextAfter());
        ProductPage last = f.catalog.list(WAREHOUSE, new ProductQuery(ProductStatus.LISTED, null, "SKU-5", 3));
        assertEquals(List.of("SKU-6"), last.items().stream().map(Product::sku).toList());
        assertNull(last.nextAfter());
        assertEquals(List.of("DRAFT-1"), f.catalog.list(WAREHOUSE, new ProductQuery(null, "draft T", null, 10)).items().stream().map(Product::sku).toList());
        assertEquals(List.of("DRAFT-1"), f.catalog.list(WAREHOUSE, new ProductQuery(null, "草稿", null, 10)).items().stream().map(Product::sku).toList());
    }

    @Test
    public void thePriceChangesOnlyWhenTheSpecialistAppliesTheApprovedProposal() {
        listed("TEA-LJ-250", "128.00", 10);
        PriceProposal proposal = f.catalog.proposePrice(PLANNER, "TEA-LJ-250", Money.cny("118.00"), evidence(), "match Tmall");
        assertEquals(PriceProposalStatus.PENDING, proposal.status());
        long approvalId = proposal.approvalId();
        assertTrue(f.approvals.render(DIRECTOR, approvalId, Locale.ENGLISH).orElseThrow().contains("128.00 CNY → 118.00 CNY"));

        try {
            f.approvals.decide(PLANNER, approvalId, Decision.APPROVE, null);
            fail("the planner cannot approve their own proposal");
        } catch (WubuException e) {
            assertEquals(ApprovalService.OWN_REQUEST, e.code());
        }
        try {
            f.catalog.applyPrice(SPECIALIST, proposal.id());
            fail("not approved yet");
        } catch (WubuException e) {
            assertEquals(CatalogService.NOT_APPROVED, e.code());
        }
        f.approvals.decide(DIRECTOR, approvalId, Decision.APPROVE, "ok");
        assertEquals(PriceProposalStatus.APPROVED_AWAITING_APPLY, f.catalog.proposal(PLANNER, proposal.id()).status());
        assertEquals("approved, but not applied: the price stays", Money.cny("128.00"), f.catalog.find(PLANNER, "TEA-LJ-250").orElseThrow().price());
        f.handler.apply(f.approvals.get(DIRECTOR, approvalId)); // delivered twice: no harm

        try {
            f.catalog.applyPrice(PLANNER, proposal.id());
            fail();
        } catch (PermissionDeniedException expected) {
            // only the content specialist applies
        }
        Product applied = f.catalog.applyPrice(SPECIALIST, proposal.id());
        assertEquals(Money.cny("118.00"), applied.price());
        assertEquals(PriceProposalStatus.APPLIED, f.catalog.proposal(PLANNER, proposal.id()).status());
        try {
            f.catalog.applyPrice(SPECIALIST, proposal.id());
            fail("applied once only");
        } catch (WubuException e) {
            assertEquals(CatalogService.NOT_APPROVED, e.code());
        }

        List<PriceHistoryEntry> history = f.catalog.priceHistory(PLANNER, "TEA-LJ-250");
        assertEquals(2, history.size());
        assertEquals(Money.cny("128.00"), history.get(0).oldPrice());
        assertEquals(Money.cny("118.00"), history.get(0).newPrice());
        assertEquals("specialist", history.get(0).changedBy());
        assertEquals(proposal.id(), (long) history.get(0).proposalId());
        assertNull(history.get(1).oldPrice());
        assertTrue(f.audited.containsAll(List.of("catalog.price.proposed product:TEA-LJ-250",
                "catalog.price.approved product:TEA-LJ-250", "catalog.price.applied product:TEA-LJ-250")));
    }

    @Test
    public void aRejectedProposalCannotBeAppliedAndEvidenceIsRequired() {
        listed("TEA-2", "50.00", 1);
        try {
            f.catalog.proposePrice(PLANNER, "TEA-2", Money.cny("45.00"), new CompetitorEvidence(null, null, " ", null), "");
            fail();
        } catch (ValidationException e) {
            assertEquals(java.util.Set.of("competitor", "theirPrice", "whereSeen", "seenAt", "reason"), e.details().keySet());
        }
        PriceProposal p = f.catalog.proposePrice(PLANNER, "TEA-2", Money.cny("45.00"), evidence(), "cheaper elsewhere");
        f.approvals.decide(DIRECTOR, p.approvalId(), Decision.REJECT, "no");
        assertEquals(PriceProposalStatus.REJECTED, f.catalog.proposal(PLANNER, p.id()).status());
        try {
            f.catalog.applyPrice(SPECIALIST, p.id());
            fail();
        } catch (WubuException e) {
            assertEquals(CatalogService.NOT_APPROVED, e.code());
        }
    }

    @Test
    public void stockNeverGoesBelowZeroAndEveryChangeIsInTheLedger() {
        listed("MUG-1", "59.00", 5);
        f.catalog.recordMovement(WAREHOUSE, "MUG-1", StockMovementKind.RECEIPT, 3, "delivery note 42");
        try {
            f.catalog.recordMovement(WAREHOUSE, "MUG-1", StockMovementKind.SALE, 9, "order 7");
            fail();
        } catch (WubuException e) {
            assertEquals(CatalogService.INSUFFICIENT_STOCK, e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("only 8 units"));
        }
        try {
            f.catalog.recordMovement(WAREHOUSE, "MUG-1", StockMovementKind.COUNT_ADJUSTMENT, -9, "count");
            fail();
        } catch (WubuException e) {
            assertEquals(CatalogService.INSUFFICIENT_STOCK, e.code());
        }
        f.catalog.recordMovement(WAREHOUSE, "MUG-1", StockMovementKind.COUNT_ADJUSTMENT, -1, "count found 7");
        f.catalog.recordMovement(WAREHOUSE, "MUG-1", StockMovementKind.RETURN, 1, "order 3 returned");
        try {
            f.catalog.recordMovement(WAREHOUSE, "MUG-1", StockMovementKind.SALE, 1, " ");
            fail();
        } catch (ValidationException e) {
            assertTrue(e.details().containsKey("why"));
        }
        try {
            f.catalog.recordMovement(PLANNER, "MUG-1", StockMovementKind.RECEIPT, 1, "x");
            fail();
        } catch (PermissionDeniedException expected) {
            // planners do not move stock
        }
        assertEquals(8, f.catalog.find(WAREHOUSE, "MUG-1").orElseThrow().stock());
        List<StockMovement> ledger = f.catalog.movements(WAREHOUSE, "MUG-1", null, 50);
        assertEquals(List.of(StockMovementKind.RETURN, StockMovementKind.COUNT_ADJUSTMENT, StockMovementKind.RECEIPT,
                StockMovementKind.RECEIPT), ledger.stream().map(StockMovement::kind).toList());
        assertEquals(8, ledger.stream().mapToLong(StockMovement::change).sum());
        assertEquals(8, ledger.get(0).stockAfter());
    }

    @Test
    public void eightThreadsReservingTheSameSkuNeverOversell() throws Exception {
        listed("HOT-1", "9.90", 50);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            results.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                int ok = 0;
                for (int i = 0; i < 10; i++) {
                    try {
                        f.catalog.reserve(ORDERS, "HOT-1", 1, "order " + thread + "-" + i);
                        ok++;
                    } catch (WubuException e) {
                        assertEquals(CatalogService.INSUFFICIENT_STOCK, e.code());
                    }
                }
                return ok;
            }));
        }
        start.countDown();
        int reserved = 0;
        for (Future<Integer> r : results) {
            reserved += r.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals("exactly the stock was reserved, never more", 50, reserved);
        Product p = f.catalog.find(ORDERS, "HOT-1").orElseThrow();
        assertEquals(0, p.stock());
        assertEquals(ProductStatus.DELISTED, p.status());
        assertEquals(51, f.catalog.movements(ORDERS, "HOT-1", null, 200).size());
        f.catalog.release(ORDERS, "HOT-1", 2, "order cancelled");
        f.catalog.commit(ORDERS, "HOT-1", 48, "orders paid");
        try {
            f.catalog.commit(ORDERS, "HOT-1", 1, "nothing reserved any more");
            fail();
        } catch (WubuException e) {
            assertEquals(CatalogService.INSUFFICIENT_STOCK, e.code());
        }
        assertEquals(2, f.catalog.find(ORDERS, "HOT-1").orElseThrow().stock());
    }

    @Test
    public void stockReachingZeroDelistsAListedProductWithReasonNormal() {
        Product before = listed("LAST-1", "20.00", 2);
        f.catalog.recordMovement(WAREHOUSE, "LAST-1", StockMovementKind.SALE, 1, "order 1");
        assertEquals(ProductStatus.LISTED, f.catalog.find(WAREHOUSE, "LAST-1").orElseThrow().status());
        f.catalog.recordMovement(WAREHOUSE, "LAST-1", StockMovementKind.SALE, 1, "order 2");
        Product after = f.catalog.find(WAREHOUSE, "LAST-1").orElseThrow();
        assertEquals(ProductStatus.DELISTED, after.status());
        assertEquals(CatalogService.DELIST_NORMAL, after.delistReason());
        assertEquals(0, after.stock());
        assertTrue(after.version() > before.version());
        assertTrue(f.audited.contains("catalog.product.delisted product:LAST-1"));
        // A draft that runs out is not delisted: it was never listed.
        f.catalog.create(SPECIALIST, new ProductDraft("NEW-1", "新品", "New", null, null, "x", Money.cny("1.00")));
        f.catalog.recordMovement(WAREHOUSE, "NEW-1", StockMovementKind.RECEIPT, 1, "first delivery");
        f.catalog.recordMovement(WAREHOUSE, "NEW-1", StockMovementKind.SALE, 1, "sample");
        assertEquals(ProductStatus.DRAFT, f.catalog.find(WAREHOUSE, "NEW-1").orElseThrow().status());
    }

    @Test
    public void demoProductsAreCreatedOnce() {
        DemoProducts.ensure(f.catalog);
        DemoProducts.ensure(f.catalog);
        assertEquals(DemoProducts.all().size(), f.catalog.count());
        Product mug = f.catalog.find(WAREHOUSE, "MUG-CER-01").orElseThrow();
        assertEquals(ProductStatus.LISTED, mug.status());
        assertEquals("手绘陶瓷马克杯 350毫升", mug.titleZh());
    }
}
