package org.wubu.catalog.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductPage;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.StockMovement;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;

public class CommandsTest {

    private static final Caller ADMIN = new Caller("karaf", Set.of(), Set.of("*.read"));
    private static final Instant T = Instant.parse("2026-11-27T02:00:00Z");
    private static final Product TEA = new Product("TEA-LJ-250", "西湖龙井 250克", "Longjing 250 g", "", "", "tea/green",
            ProductStatus.LISTED, null, Money.cny("268.00"), 40, 3, "system", T);

    private final List<Object[]> calls = new ArrayList<>();

    private CatalogService catalog() {
        return (CatalogService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CatalogService.class},
                (p, m, a) -> {
                    calls.add(a);
                    assertEquals("every call names the shell's caller", ADMIN, a[0]);
                    return switch (m.getName()) {
                        case "list" -> new ProductPage(List.of(TEA), "TEA-LJ-250");
                        case "find" -> "TEA-LJ-250".equals(a[1]) ? Optional.of(TEA) : Optional.empty();
                        case "movements" -> List.of(new StockMovement(7, "TEA-LJ-250", StockMovementKind.RECEIPT, 40, 40, 40,
                                "warehouse", "opening stock", T));
                        default -> throw new UnsupportedOperationException(m.getName());
                    };
                });
    }

    private static CallerResolver callers() {
        return (CallerResolver) Proxy.newProxyInstance(CommandsTest.class.getClassLoader(), new Class<?>[] {CallerResolver.class},
                (p, m, a) -> ADMIN);
    }

    private static ShopClock clock() {
        return new ShopClock() {
            @Override
            public Instant now() {
                return T;
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of("Asia/Shanghai");
            }
        };
    }

    @Test
    public void productsListsTheFilteredPage() {
        ProductsCommand c = new ProductsCommand();
        c.catalog = catalog();
        c.callers = callers();
        c.status = "Listed";
        c.text = "tea";
        c.limit = 5;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out, out.contains("TEA-LJ-250") && out.contains("西湖龙井 250克") && out.contains("listed")
                && out.contains("268.00") && out.contains("40") && out.contains("more products"));
        assertEquals(new ProductQuery(ProductStatus.LISTED, "tea", null, 5), calls.get(0)[1]);
        try {
            ProductsCommand.status("sold");
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("draft, pending_listing, listed or delisted"));
        }
    }

    @Test
    public void stockShowsTheStockAndTheLastMovements() {
        StockCommand c = new StockCommand();
        c.catalog = catalog();
        c.callers = callers();
        c.clock = clock();
        c.sku = "TEA-LJ-250";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out, out.contains("Stock: 40 (listed)") && out.contains("receipt") && out.contains("opening stock")
                && out.contains("2026-11-27 10:00:00"));
        assertEquals(StockCommand.MOVEMENTS, calls.get(1)[3]);
        c.sku = "NOPE";
        try {
            c.print(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            fail();
        } catch (NotFoundException expected) {
            // named by the exception
        }
    }
}
