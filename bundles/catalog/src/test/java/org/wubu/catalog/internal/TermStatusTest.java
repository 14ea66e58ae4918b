package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.wubu.catalog.internal.CatalogFixture.DIRECTOR;
import static org.wubu.catalog.internal.CatalogFixture.LEAD;
import static org.wubu.catalog.internal.CatalogFixture.ORDERS;
import static org.wubu.catalog.internal.CatalogFixture.PLANNER;
import static org.wubu.catalog.internal.CatalogFixture.SPECIALIST;
import static org.wubu.catalog.internal.CatalogFixture.WAREHOUSE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.approvals.api.Decision;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;

/**
 * Every search term entry carries its product's status (V7), because a search with a status filter reads only
 * the entries of that status: after every path that changes a product's status, its entries must say the
 * same as its row, or the product would be missing from (or wrongly found by) a filtered search.
 */
public class TermStatusTest {

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    /** The distinct statuses on the product's term entries. */
    private Set<String> termStatuses(String sku) {
        return f.catalog.inTransaction(em -> {
            @SuppressWarnings("unchecked")
            List<String> rows = em.createNativeQuery("SELECT DISTINCT STATUS FROM CAT_PRODUCT_TERM WHERE SKU = ?1")
                    .setParameter(1, sku).getResultList();
            return new TreeSet<>(rows);
        });
    }

    /** The product's entries say its status, and a search filtered by it finds the product, by any of its words. */
    private void inStep(String sku, ProductStatus expected) {
        Product p = f.catalog.find(PLANNER, sku).orElseThrow();
        assertEquals(sku, expected, p.status());
        assertEquals(sku + " entries", Set.of(expected.name()), termStatuses(sku));
        for (ProductStatus s : ProductStatus.values()) {
            List<String> found = f.catalog.list(PLANNER, new ProductQuery(s, p.titleEn(), null, 50)).items().stream()
                    .map(Product::sku).collect(Collectors.toList());
            assertEquals(sku + " found with status " + s, s == expected, found.contains(sku));
        }
    }

    private Product listed(String sku, long stock) {
        Product p = f.catalog.insert(Caller.SYSTEM, new ProductDraft(sku, "丝绸 " + sku, "Silk " + sku, "", "", "test",
                Money.cny("10.00")), ProductStatus.LISTED, stock);
        f.withImage(sku);
        return p;
    }

    @Test
    public void aNewProductsEntriesCarryItsStatus() {
        f.catalog.create(SPECIALIST, new ProductDraft("NEW-1", "新品", "Fresh Item", null, null, "test", Money.cny("20.00")));
        inStep("NEW-1", ProductStatus.DRAFT);
        listed("ON-1", 3);
        inStep("ON-1", ProductStatus.LISTED);
    }

    @Test
    public void listingApprovalMakesTheEntriesListed() {
        f.catalog.create(SPECIALIST, new ProductDraft("NEW-2", "新品", "Fresh Item", null, null, "test", Money.cny("20.00")));
        f.withImage("NEW-2");
        f.catalog.recordMovement(WAREHOUSE, "NEW-2", StockMovementKind.RECEIPT, 5, "first delivery");
        long approvalId = f.catalog.requestListing(PLANNER, "NEW-2", "autumn range");
        inStep("NEW-2", ProductStatus.DRAFT);
        f.approvals.decide(DIRECTOR, approvalId, Decision.APPROVE, "ok");
        inStep("NEW-2", ProductStatus.LISTED);
    }

    @Test
    public void normalDelistingBySaleOrReservationAndRelisting() {
        listed("RE-1", 1);
        f.catalog.recordMovement(WAREHOUSE, "RE-1", StockMovementKind.SALE, 1, "order 1");
        inStep("RE-1", ProductStatus.DELISTED);
        f.catalog.recordMovement(WAREHOUSE, "RE-1", StockMovementKind.RECEIPT, 4, "restock");
        long approvalId = f.catalog.requestListing(SPECIALIST, "RE-1", "restocked");
        f.approvals.decide(DIRECTOR, approvalId, Decision.APPROVE, "ok");
        inStep("RE-1", ProductStatus.LISTED);
        f.catalog.reserve(ORDERS, "RE-1", 4, "order:2"); // the reservation takes the last units
        inStep("RE-1", ProductStatus.DELISTED);
    }

    @Test
    public void abnormalDelistingMakesTheEntriesDelisted() {
        listed("BAD-1", 10);
        long approvalId = f.catalog.requestDelisting(SPECIALIST, "BAD-1", "customer complaints");
        f.approvals.decide(LEAD, approvalId, Decision.APPROVE, "agreed");
        inStep("BAD-1", ProductStatus.DELISTED);
    }

    @Test
    public void anEditThatReindexesKeepsTheStatus() {
        Product p = listed("ED-1", 5);
        f.catalog.edit(SPECIALIST, "ED-1", new ProductDraft("ED-1", "丝绸围巾", "Silk Scarf", "", "", "test", null),
                p.version());
        inStep("ED-1", ProductStatus.LISTED);
    }

    @Test
    public void demoDataEntriesCarryEachProductsStatus() {
        DemoProducts.ensure(f.catalog);
        Map<String, String> products = statusBySku("SELECT SKU, STATUS FROM CAT_PRODUCT");
        assertTrue(products.containsValue(ProductStatus.LISTED.name()));
        assertEquals(0L, (long) f.catalog.inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM CAT_PRODUCT_TERM t"
                + " JOIN CAT_PRODUCT p ON p.SKU = t.SKU WHERE t.STATUS <> p.STATUS").getSingleResult()).longValue()));
        assertEquals(products.keySet(), statusBySku("SELECT DISTINCT SKU, STATUS FROM CAT_PRODUCT_TERM").keySet());
    }

    /** V7 fills the status of the entries written before it from their products. */
    @Test
    public void theMigrationFillsTheStatusFromTheProducts() throws Exception {
        listed("ON-2", 3);
        f.catalog.create(SPECIALIST, new ProductDraft("NEW-3", "新品", "Fresh Item", null, null, "test", Money.cny("20.00")));
        listed("OFF-1", 1);
        f.catalog.recordMovement(WAREHOUSE, "OFF-1", StockMovementKind.SALE, 1, "order 1");

        String script = Files.readString(Path.of("src/main/resources/db/migration/V7__term_status.sql"),
                StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
        String fill = script.substring(script.indexOf("UPDATE CAT_PRODUCT_TERM"));
        fill = fill.substring(0, fill.indexOf(';')).trim();
        try (Connection c = f.ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE CAT_PRODUCT_TERM SET STATUS = 'PENDING_LISTING'"); // as if unknown
            assertTrue(s.executeUpdate(fill) > 0);
        }
        inStep("ON-2", ProductStatus.LISTED);
        inStep("NEW-3", ProductStatus.DRAFT);
        inStep("OFF-1", ProductStatus.DELISTED);
    }

    private Map<String, String> statusBySku(String sql) {
        Map<String, String> out = new HashMap<>();
        try (Connection c = f.ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String was = out.put(rs.getString(1), rs.getString(2));
                assertTrue(rs.getString(1) + " has one status on all its entries", was == null);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
