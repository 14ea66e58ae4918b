package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.wubu.catalog.internal.CatalogFixture.DESIGNER;
import static org.wubu.catalog.internal.CatalogFixture.DIRECTOR;
import static org.wubu.catalog.internal.CatalogFixture.LEAD;
import static org.wubu.catalog.internal.CatalogFixture.PLANNER;
import static org.wubu.catalog.internal.CatalogFixture.SPECIALIST;
import static org.wubu.catalog.internal.CatalogFixture.WAREHOUSE;

import java.util.Locale;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.approvals.api.ApprovalState;
import org.wubu.approvals.api.Decision;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;

public class ListingAndDelistingTest {

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private Product draft(String sku) {
        return f.catalog.create(SPECIALIST, new ProductDraft(sku, "新品 " + sku, "New " + sku, null, null, "test", Money.cny("20.00")));
    }

    private Product listed(String sku, long stock) {
        Product p = f.catalog.insert(Caller.SYSTEM, new ProductDraft(sku, "商品 " + sku, "Product " + sku, "", "", "test",
                Money.cny("10.00")), ProductStatus.LISTED, stock);
        f.withImage(sku);
        return p;
    }

    private void sql(String statement) {
        f.catalog.inTransaction(em -> em.createNativeQuery(statement).executeUpdate());
    }

    @Test
    public void listingIsRefusedAtOnceNamingEveryMissingItem() {
        draft("NEW-1");
        // Titles and price are required on create; blank them in the table to see every item named.
        sql("UPDATE CAT_PRODUCT SET TITLE_ZH = '', TITLE_EN = ' ', PRICE = 0 WHERE SKU = 'NEW-1'");
        try {
            f.catalog.requestListing(PLANNER, "NEW-1", "new season");
            fail("an incomplete product cannot be proposed");
        } catch (ValidationException e) {
            assertEquals(Set.of("titleZh", "titleEn", "price", "stock", "image"), e.details().keySet());
            assertTrue(e.getMessage(), e.getMessage().contains("Chinese title") && e.getMessage().contains("English title")
                    && e.getMessage().contains("price above 0") && e.getMessage().contains("stock above 0")
                    && e.getMessage().contains("at least one image"));
        }
        assertTrue("nothing was submitted", f.approvals.requests.isEmpty());

        draft("NEW-2");
        try {
            f.catalog.requestListing(SPECIALIST, "NEW-2", null);
            fail();
        } catch (ValidationException e) {
            assertEquals(Set.of("stock", "image"), e.details().keySet());
        }
        try {
            f.catalog.requestListing(DESIGNER, "NEW-2", null);
            fail();
        } catch (PermissionDeniedException e) {
            assertEquals(CatalogService.LISTING_PROPOSE, e.details().get("permission"));
        }
        listed("ON-1", 3);
        try {
            f.catalog.requestListing(PLANNER, "ON-1", null);
            fail();
        } catch (WubuException e) {
            assertEquals(CatalogService.WRONG_STATUS, e.code());
        }
    }

    @Test
    public void aCompleteProductIsListedOnlyWhenTheDirectorApproves() {
        draft("NEW-3");
        f.withImage("NEW-3");
        f.catalog.recordMovement(WAREHOUSE, "NEW-3", StockMovementKind.RECEIPT, 5, "first delivery");
        long approvalId = f.catalog.requestListing(PLANNER, "NEW-3", "autumn range");
        assertEquals(CatalogService.LISTING_KIND, f.approvals.get(DIRECTOR, approvalId).kind());
        assertTrue(f.approvals.render(DIRECTOR, approvalId, Locale.ENGLISH).orElseThrow().contains("List NEW-3"));
        assertEquals(ProductStatus.DRAFT, f.catalog.find(PLANNER, "NEW-3").orElseThrow().status());
        try {
            f.approvals.decide(LEAD, approvalId, Decision.APPROVE, null);
            fail("only the marketing director decides a listing");
        } catch (WubuException e) {
            assertEquals(ApprovalService.NOT_YOUR_STEP, e.code());
        }
        try {
            f.approvals.decide(PLANNER, approvalId, Decision.APPROVE, null);
            fail();
        } catch (WubuException e) {
            assertEquals(ApprovalService.OWN_REQUEST, e.code());
        }
        f.approvals.decide(DIRECTOR, approvalId, Decision.APPROVE, "ok");
        Product p = f.catalog.find(PLANNER, "NEW-3").orElseThrow();
        assertEquals(ProductStatus.LISTED, p.status());
        assertNull(p.delistReason());
        long version = p.version();
        f.listing().apply(f.approvals.get(DIRECTOR, approvalId)); // delivered twice: no harm
        assertEquals(version, f.catalog.find(PLANNER, "NEW-3").orElseThrow().version());
        assertTrue(f.audited.contains("catalog.listing.requested product:NEW-3"));
        assertTrue(f.audited.contains("catalog.product.listed product:NEW-3"));
    }

    @Test
    public void applyChecksAgainAndRelistingAfterRestockFollowsTheSameRule() {
        listed("RE-1", 1);
        f.catalog.recordMovement(WAREHOUSE, "RE-1", StockMovementKind.SALE, 1, "order 1");
        assertEquals(ProductStatus.DELISTED, f.catalog.find(PLANNER, "RE-1").orElseThrow().status());
        try {
            f.catalog.requestListing(SPECIALIST, "RE-1", "back");
            fail("no stock, no relisting");
        } catch (ValidationException e) {
            assertEquals(Set.of("stock"), e.details().keySet());
        }
        f.catalog.recordMovement(WAREHOUSE, "RE-1", StockMovementKind.RECEIPT, 4, "restock");
        long approvalId = f.catalog.requestListing(SPECIALIST, "RE-1", "restocked");
        // Sold out again before the director decides: the approval cannot list it.
        f.catalog.recordMovement(WAREHOUSE, "RE-1", StockMovementKind.SALE, 4, "order 2");
        try {
            f.approvals.decide(DIRECTOR, approvalId, Decision.APPROVE, "ok");
            fail("apply checks again");
        } catch (ValidationException e) {
            assertEquals(Set.of("stock"), e.details().keySet());
        }
        assertEquals(ProductStatus.DELISTED, f.catalog.find(PLANNER, "RE-1").orElseThrow().status());
        f.catalog.recordMovement(WAREHOUSE, "RE-1", StockMovementKind.RECEIPT, 2, "restock 2");
        f.approvals.decide(DIRECTOR, approvalId, Decision.APPROVE, "ok now");
        Product p = f.catalog.find(PLANNER, "RE-1").orElseThrow();
        assertEquals(ProductStatus.LISTED, p.status());
        assertNull("the old delisting reason is gone", p.delistReason());
    }

    @Test
    public void abnormalDelistingNeedsAReasonAndTheLead() {
        listed("BAD-1", 10);
        try {
            f.catalog.requestDelisting(SPECIALIST, "BAD-1", "  ");
            fail();
        } catch (ValidationException e) {
            assertEquals(Set.of("reason"), e.details().keySet());
        }
        try {
            f.catalog.requestDelisting(PLANNER, "BAD-1", "quality");
            fail();
        } catch (PermissionDeniedException e) {
            assertEquals(CatalogService.DELISTING_PROPOSE, e.details().get("permission"));
        }
        long approvalId = f.catalog.requestDelisting(SPECIALIST, "BAD-1", "customer complaints about mould");
        assertTrue(f.approvals.render(LEAD, approvalId, Locale.SIMPLIFIED_CHINESE).orElseThrow().contains("异常下架 BAD-1"));
        try {
            f.approvals.decide(SPECIALIST, approvalId, Decision.APPROVE, null);
            fail();
        } catch (WubuException e) {
            assertEquals(ApprovalService.OWN_REQUEST, e.code());
        }
        try {
            f.approvals.decide(DIRECTOR, approvalId, Decision.APPROVE, null);
            fail("the marketing director is not the lead");
        } catch (WubuException e) {
            assertEquals(ApprovalService.NOT_YOUR_STEP, e.code());
        }
        assertEquals(ProductStatus.LISTED, f.catalog.find(PLANNER, "BAD-1").orElseThrow().status());
        f.approvals.decide(LEAD, approvalId, Decision.APPROVE, "agreed");
        assertEquals(ApprovalState.APPLIED, f.approvals.get(LEAD, approvalId).state());
        Product p = f.catalog.find(PLANNER, "BAD-1").orElseThrow();
        assertEquals(ProductStatus.DELISTED, p.status());
        assertEquals("abnormal: customer complaints about mould", p.delistReason());
        assertEquals("stock is kept", 10, p.stock());
        f.delisting().apply(f.approvals.get(LEAD, approvalId)); // delivered twice: no harm
        assertTrue(f.audited.contains("catalog.delisting.requested product:BAD-1"));
        assertTrue(f.audited.contains("catalog.product.delisted product:BAD-1"));
        try {
            f.catalog.requestDelisting(SPECIALIST, "BAD-1", "again");
            fail("only a listed product is delisted");
        } catch (WubuException e) {
            assertEquals(CatalogService.WRONG_STATUS, e.code());
        }
    }
}
