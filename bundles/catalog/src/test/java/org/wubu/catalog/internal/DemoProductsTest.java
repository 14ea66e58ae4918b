package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.wubu.catalog.internal.CatalogFixture.WAREHOUSE;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.catalog.api.Category;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.platform.api.persistence.SchemaReady;

public class DemoProductsTest {

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    @Test
    public void aFewHundredDistinctBilingualProductsInKnownCategoriesWithExactPrices() {
        List<CatalogStore.Seed> all = DemoProducts.all();
        assertTrue("about 300: " + all.size(), all.size() >= 280 && all.size() <= 330);
        Set<String> skus = new HashSet<>();
        Set<String> categories = Arrays.stream(DemoProducts.CATEGORIES).map(c -> c[0]).collect(Collectors.toSet());
        for (CatalogStore.Seed s : all) {
            assertTrue("unique " + s.draft().sku(), skus.add(s.draft().sku()));
            assertTrue(s.draft().sku(), s.draft().sku().matches(CatalogStore.SKU_PATTERN));
            assertTrue(s.draft().category(), categories.contains(s.draft().category()));
            assertTrue(s.draft().titleZh().codePoints().anyMatch(SearchTerms::isHan));
            assertTrue(s.draft().titleEn().matches("[A-Z].*"));
            assertEquals(2, s.draft().price().amount().scale());
            assertTrue(s.draft().price().isPositive());
        }
        assertEquals("deterministic", all, DemoProducts.all());
        String p = DemoAssortment.price("298", "0.24", "TEA-AJB-050"); // 298 × 0.24 = 71.52, to whole yuan, maybe .90
        assertTrue(p, p.equals("72.00") || p.equals("71.90"));
    }

    @Test
    public void createdInOneGoOnceWithTheTreeAndTheirHistory() {
        long t0 = System.nanoTime();
        long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        DemoProducts.ensure(f.catalog);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        System.out.println("demo catalog created in " + ms + " ms (" + cpuMs + " ms CPU of this thread)");
        DemoProducts.ensure(f.catalog);
        assertEquals(DemoProducts.all().size(), f.catalog.count());
        assertEquals("one audit entry for the batch", 1, f.audited.stream().filter(a -> a.startsWith("catalog.products.seeded")).count());
        CategoryStore tree = new CategoryStore(f.emf, new SchemaReady() { }, f.clock(), f.audit());
        List<Category> categories = tree.categories(WAREHOUSE);
        assertEquals(DemoProducts.CATEGORIES.length, categories.size());
        assertEquals(DemoProducts.all().size(), categories.stream().filter(c -> c.parentPath() == null).mapToLong(Category::totalCount).sum());
        Product wok = f.catalog.find(WAREHOUSE, "KIT-ZQTG-32").orElseThrow();
        assertEquals("章丘手工铁锅 32厘米", wok.titleZh());
        assertEquals("Zhangqiu hand-forged iron wok, 32 cm", wok.titleEn());
        assertEquals("材质", wok.attributes().get(3).nameZh());
        assertEquals(1, f.catalog.history(WAREHOUSE, "KIT-ZQTG-32", null, 10).size());
        List<Product> woks = f.catalog.list(WAREHOUSE, new ProductQuery(ProductStatus.LISTED, "铁锅", null, 50)).items();
        assertTrue(woks.size() >= 3);
    }
}
