package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.wubu.catalog.internal.CatalogFixture.ORDERS;
import static org.wubu.catalog.internal.CatalogFixture.WAREHOUSE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.catalog.api.CatalogEvents;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductRevision;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.StockLine;
import org.wubu.catalog.api.StockMovement;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;

/** Multi-line reservations for orders on real Derby: all or nothing, never oversold. */
public class StockReservationsTest {

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private PromotionParts p;

    @Before
    public void setUp() {
        p = new PromotionParts(f);
        p.product("TEA-1", "tea/green", "100.00", 10);
        p.product("CUP-1", "teaware/cups", "30.00", 2);
    }

    private long stock(String sku) {
        return f.catalog.find(ORDERS, sku).orElseThrow().stock();
    }

    private int ledger(String sku) {
        return f.catalog.movements(ORDERS, sku, null, 200).size();
    }

    @Test
    public void oneImpossibleLineLeavesEveryStockUnchanged() {
        p.topics.clear(); // what setting up the products announced
        WubuException short1 = assertThrows(WubuException.class, () -> p.reservations.reserveAll(ORDERS, "order 1",
                List.of(new StockLine("TEA-1", 3), new StockLine("CUP-1", 5))));
        assertEquals(CatalogService.INSUFFICIENT_STOCK, short1.code());
        assertTrue(short1.getMessage(), short1.getMessage().contains("only 2 units of CUP-1 are available"));
        assertEquals("CUP-1", short1.details().get("sku"));
        assertEquals(2L, short1.details().get("available"));
        assertEquals(5L, short1.details().get("requested"));
        // The failing line comes first in SKU order here; the other order fails after TEA-1 was updated.
        WubuException short2 = assertThrows(WubuException.class, () -> p.reservations.reserveAll(ORDERS, "order 2",
                List.of(new StockLine("CUP-1", 1), new StockLine("TEA-1", 11))));
        assertEquals("TEA-1", short2.details().get("sku"));
        assertThrows(NotFoundException.class, () -> p.reservations.reserveAll(ORDERS, "order 3",
                List.of(new StockLine("CUP-1", 1), new StockLine("NOPE-1", 1))));
        assertEquals(10, stock("TEA-1"));
        assertEquals(2, stock("CUP-1"));
        assertEquals("only the opening receipts", 1, ledger("TEA-1"));
        assertEquals(1, ledger("CUP-1"));
        assertTrue("nothing announced", p.topics.isEmpty());
        assertTrue(f.audited.stream().noneMatch(a -> a.startsWith("catalog.stock.reservation")));
    }

    @Test
    public void reserveCommitAndReleaseWriteTheLedgerWithTheReference() {
        List<StockMovement> reserved = p.reservations.reserveAll(ORDERS, "order 42",
                List.of(new StockLine("TEA-1", 3), new StockLine("CUP-1", 2), new StockLine("TEA-1", 1)));
        assertEquals("one movement per SKU, in SKU order", List.of("CUP-1", "TEA-1"),
                reserved.stream().map(StockMovement::sku).collect(Collectors.toList()));
        assertEquals(4, reserved.get(1).quantity());
        assertEquals(-4, reserved.get(1).change());
        assertEquals(6, reserved.get(1).stockAfter());
        assertEquals("order 42", reserved.get(1).why());
        assertEquals(StockMovementKind.RESERVATION, reserved.get(0).kind());

        Product cup = f.catalog.find(ORDERS, "CUP-1").orElseThrow();
        assertEquals("the last units delist the product (CAT-3)", ProductStatus.DELISTED, cup.status());
        assertEquals(CatalogService.DELIST_NORMAL, cup.delistReason());
        assertTrue(f.audited.contains("catalog.product.delisted product:CUP-1"));
        assertEquals("one audit entry for the order's lines, not one per line", 1,
                f.audited.stream().filter(a -> a.startsWith("catalog.stock.reservation")).count());
        assertTrue(f.audited.toString(), f.audited.contains("catalog.stock.reservation stock:order 42"));
        assertTrue(p.topics.contains(CatalogEvents.STOCK_DEPLETED) && p.topics.contains(CatalogEvents.PRODUCT_DELISTED));
        assertEquals("the delisting by a reservation is in the product's history like any other",
                ProductRevision.DELISTED, f.catalog.history(ORDERS, "CUP-1", null, 1).get(0).action());

        List<StockMovement> sold = p.reservations.commitAll(ORDERS, "order 42 paid", List.of(new StockLine("TEA-1", 3)));
        assertEquals(StockMovementKind.SALE, sold.get(0).kind());
        assertEquals(0, sold.get(0).change());
        assertEquals(6, stock("TEA-1"));
        List<StockMovement> released = p.reservations.releaseAll(ORDERS, "order 42 line cancelled",
                List.of(new StockLine("TEA-1", 1), new StockLine("CUP-1", 2)));
        assertEquals(List.of(2L, 7L), released.stream().map(StockMovement::stockAfter).collect(Collectors.toList()));
        assertEquals(7, stock("TEA-1"));
        assertEquals(2, stock("CUP-1"));

        WubuException tooMuch = assertThrows(WubuException.class, () -> p.reservations.releaseAll(ORDERS, "again",
                List.of(new StockLine("TEA-1", 1), new StockLine("CUP-1", 1))));
        assertEquals(CatalogService.INSUFFICIENT_STOCK, tooMuch.code());
        assertEquals(0L, tooMuch.details().get("reserved"));
        assertEquals("nothing released", 7, stock("TEA-1"));
    }

    @Test
    public void validationNamesEveryBadLineAndPermissionsComeFirst() {
        assertThrows(PermissionDeniedException.class, () -> p.reservations.reserveAll(WAREHOUSE, "order 1",
                List.of(new StockLine("TEA-1", 1))));
        ValidationException bad = assertThrows(ValidationException.class, () -> p.reservations.reserveAll(ORDERS, " ",
                List.of(new StockLine("TEA-1", 1), new StockLine("TEA-1", 0), new StockLine(null, 1))));
        assertEquals(Set.of("reference", "lines[1].quantity", "lines[2].sku"), bad.details().keySet());
        ValidationException none = assertThrows(ValidationException.class, () -> p.reservations.commitAll(ORDERS, "x", List.of()));
        assertEquals(Set.of("lines"), none.details().keySet());
        assertEquals(10, stock("TEA-1"));
    }

    @Test
    public void eightThreadsReservingTheLastUnitsNeverOversell() throws Exception {
        p.product("LAST-1", "x", "9.90", 5);
        p.product("BIG-1", "x", "1.00", 1000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            results.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                int ok = 0;
                for (int i = 0; i < 3; i++) {
                    try {
                        // Lines in opposite orders on purpose: the store takes them in SKU order, so no deadlock.
                        List<StockLine> lines = thread % 2 == 0
                                ? List.of(new StockLine("LAST-1", 1), new StockLine("BIG-1", 1))
                                : List.of(new StockLine("BIG-1", 1), new StockLine("LAST-1", 1));
                        p.reservations.reserveAll(ORDERS, "order " + thread + "-" + i, lines);
                        ok++;
                    } catch (WubuException e) {
                        assertEquals(CatalogService.INSUFFICIENT_STOCK, e.code());
                        assertEquals("LAST-1", e.details().get("sku"));
                    }
                }
                return ok;
            }));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Integer> r : results) {
            succeeded += r.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals("exactly the last 5 units were reserved, never more", 5, succeeded);
        assertEquals(0, stock("LAST-1"));
        assertEquals("all or nothing: BIG-1 moved only with LAST-1", 995, stock("BIG-1"));
        assertEquals(ProductStatus.DELISTED, f.catalog.find(ORDERS, "LAST-1").orElseThrow().status());
        assertEquals(6, ledger("LAST-1"));
        assertEquals(6, ledger("BIG-1"));
    }
}
