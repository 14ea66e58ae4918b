package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.wubu.catalog.internal.CatalogFixture.SPECIALIST;
import static org.wubu.catalog.internal.CatalogFixture.WAREHOUSE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.persistence.EntityManager;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductPage;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * The text search's intersection of term lists on real Derby: several words, a status filter, a category,
 * pages that cross the lists' chunk borders, and pages that end early when the scan budget runs out. Every
 * answer is compared with the same filter applied to the generated products in plain Java.
 */
public class ProductSearchTest {

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    static final int PRODUCTS = 240;
    static final String[][] COLOUR = {{"红色", "Red"}, {"蓝色", "Blue"}, {"绿色", "Green"}, {"黑色", "Black"}};
    static final String[][] MATERIAL = {{"丝绸", "Silk"}, {"棉质", "Cotton"}, {"羊毛", "Wool"}};

    static String sku(int i) {
        return String.format(Locale.ROOT, "P-%04d", i);
    }

    static boolean red(int i) {
        return i % 4 == 0;
    }

    static boolean silk(int i) {
        return i % 3 == 0;
    }

    static boolean home(int i) {
        return i % 2 == 0;
    }

    static boolean listed(int i) {
        return i % 5 != 0;
    }

    @Before
    public void products() {
        CategoryStore categories = new CategoryStore(f.emf, new SchemaReady() { }, f.clock(), f.audit());
        categories.create(SPECIALIST, "home", "家居", "Home", null);
        categories.create(SPECIALIST, "home/kitchen", "厨房", "Kitchen", null);
        categories.create(SPECIALIST, "fashion", "服饰", "Fashion", null);
        for (int i = 0; i < PRODUCTS; i++) {
            String[] c = COLOUR[i % 4];
            String[] m = MATERIAL[i % 3];
            f.catalog.insert(Caller.SYSTEM, new ProductDraft(sku(i), c[0] + m[0] + "围巾", c[1] + " " + m[1] + " Scarf", "", "",
                    home(i) ? "home/kitchen" : "fashion", Money.cny("10.00"), List.of()), listed(i) ? ProductStatus.LISTED
                    : ProductStatus.DRAFT, 5);
        }
    }

    static List<String> expected(IntPredicate filter) {
        return IntStream.range(0, PRODUCTS).filter(filter).mapToObj(ProductSearchTest::sku).collect(Collectors.toList());
    }

    /** Every page of a query, following nextAfter; checks that no page is longer than asked. */
    static List<String> allPages(Function<String, ProductPage> pageAfter, int limit, List<ProductPage> pages) {
        List<String> out = new ArrayList<>();
        String after = null;
        do {
            ProductPage p = pageAfter.apply(after);
            assertTrue(p.items().size() <= limit);
            pages.add(p);
            p.items().forEach(x -> out.add(x.sku()));
            assertTrue("a page moves on", p.nextAfter() == null || after == null || p.nextAfter().compareTo(after) > 0);
            after = p.nextAfter();
        } while (after != null && pages.size() < 1000);
        return out;
    }

    List<String> listAll(ProductStatus status, String text, String category, int limit) {
        return allPages(after -> f.catalog.list(WAREHOUSE, new ProductQuery(status, text, after, limit, category)), limit,
                new ArrayList<>());
    }

    @Test
    public void twoWordsWithTheStatusFilterPageThroughTheirCommonProductsInSkuOrder() {
        List<String> want = expected(i -> red(i) && silk(i) && listed(i));
        assertEquals(16, want.size());
        assertEquals(want, listAll(ProductStatus.LISTED, "red silk", null, 3));
        assertEquals(want, listAll(ProductStatus.LISTED, "silk red", null, 50));
        assertEquals("a page exactly as long as the rest ends without next", want,
                f.catalog.list(WAREHOUSE, new ProductQuery(ProductStatus.LISTED, "red silk", null, 16)).items().stream()
                        .map(Product::sku).collect(Collectors.toList()));
        assertNull(f.catalog.list(WAREHOUSE, new ProductQuery(ProductStatus.LISTED, "red silk", null, 16)).nextAfter());
        assertEquals(expected(i -> red(i) && silk(i) && !listed(i)), listAll(ProductStatus.DRAFT, "red silk", null, 2));
        assertEquals(expected(i -> red(i) && silk(i)), listAll(null, "Red Silk", null, 5));
        assertEquals("Chinese pairs and a word prefix", expected(i -> red(i) && silk(i)), listAll(null, "红色丝绸 sca", null, 4));
        assertEquals(List.of(), listAll(ProductStatus.LISTED, "red wool blue", null, 3));
    }

    @Test
    public void aCategoryIsOneMoreListAndTheFirstPageStartsAfterAnyCursor() {
        assertEquals(expected(i -> red(i) && silk(i) && home(i) && listed(i)), listAll(ProductStatus.LISTED, "red silk", "home", 3));
        assertEquals(expected(i -> silk(i) && !home(i)), listAll(null, "silk", "fashion", 7));
        assertEquals(expected(i -> home(i) && listed(i)), listAll(ProductStatus.LISTED, null, "home", 9));
        List<String> after = f.catalog.list(WAREHOUSE, new ProductQuery(null, "silk", sku(100), 4, "home")).items().stream()
                .map(Product::sku).collect(Collectors.toList());
        assertEquals(expected(i -> i > 100 && silk(i) && home(i)).subList(0, 4), after);
    }

    @Test
    public void aSpentScanBudgetEndsPagesEarlyWithoutLosingOrRepeatingAProduct() {
        SearchTerms.Query text = SearchTerms.query("red silk", "home");
        List<ProductPage> pages = new ArrayList<>();
        List<String> got = allPages(after -> {
            EntityManager em = f.emf.createEntityManager();
            try {
                return ProductSearch.page(em, new ProductQuery(ProductStatus.LISTED, null, after, 3), text, 20);
            } finally {
                em.close();
            }
        }, 3, pages);
        assertEquals(expected(i -> red(i) && silk(i) && home(i) && listed(i)), got);
        assertTrue("some pages ended early (short, with next set)",
                pages.stream().anyMatch(p -> p.items().size() < 3 && p.nextAfter() != null));
        ProductPage last = pages.get(pages.size() - 1);
        assertNull(last.nextAfter());
        assertNotNull(pages.get(0).nextAfter());
    }
}
