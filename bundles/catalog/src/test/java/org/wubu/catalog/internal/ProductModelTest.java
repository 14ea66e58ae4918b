package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.wubu.catalog.internal.CatalogFixture.DESIGNER;
import static org.wubu.catalog.internal.CatalogFixture.DIRECTOR;
import static org.wubu.catalog.internal.CatalogFixture.PLANNER;
import static org.wubu.catalog.internal.CatalogFixture.SPECIALIST;
import static org.wubu.catalog.internal.CatalogFixture.WAREHOUSE;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.approvals.api.Decision;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Category;
import org.wubu.catalog.api.FieldChange;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductAttribute;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductPage;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductRevision;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.persistence.SchemaReady;

/** Categories, attributes, the edit history and text search, on real Derby with the bundle's migrations. */
public class ProductModelTest {

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private CategoryStore categories;

    private static final ProductAttribute ORIGIN = new ProductAttribute("产地", "Origin", "杭州", "Hangzhou");
    private static final ProductAttribute WEIGHT = new ProductAttribute("净含量", "Net weight", "250克", "250 g");

    @Before
    public void tree() {
        categories = new CategoryStore(f.emf, new SchemaReady() { }, f.clock(), f.audit());
        categories.create(SPECIALIST, "tea", "茶叶", "Tea", null);
        categories.create(DESIGNER, "tea/green", "绿茶", "Green tea", null);
        categories.create(SPECIALIST, "tea/oolong", "乌龙茶", "Oolong tea", 5);
        categories.create(SPECIALIST, "snacks", "零食", "Snacks", null);
    }

    private Product product(String sku, String titleZh, String titleEn, String category) {
        return f.catalog.insert(Caller.SYSTEM, new ProductDraft(sku, titleZh, titleEn, "", "", category, Money.cny("10.00"),
                List.of(ORIGIN)), ProductStatus.LISTED, 5);
    }

    private List<String> skus(ProductQuery q) {
        return f.catalog.list(WAREHOUSE, q).items().stream().map(Product::sku).collect(Collectors.toList());
    }

    @Test
    public void theTreeHasItsOrderAndCountsAndOnlyEditorsChangeIt() {
        product("TEA-LJ-250", "西湖龙井 250克", "West Lake Longjing, 250 g", "tea/green");
        product("TEA-TGY-250", "安溪铁观音 250克", "Anxi Tieguanyin, 250 g", "tea/oolong");
        product("TEA-SAMPLER", "茶叶试饮装", "Tea sampler", "tea");
        List<Category> tree = categories.categories(WAREHOUSE);
        assertEquals(List.of("tea", "tea/oolong", "tea/green", "snacks"), tree.stream().map(Category::path).collect(Collectors.toList()));
        Category tea = tree.get(0);
        assertEquals(1, tea.productCount());
        assertEquals(3, tea.totalCount());
        assertNull(tea.parentPath());
        assertEquals("tea", tree.get(2).parentPath());
        assertEquals(10, tea.sortOrder());
        assertEquals("first child", 10, tree.get(2).sortOrder());
        assertEquals(20, tree.get(3).sortOrder());

        try {
            categories.create(PLANNER, "tea/black", "红茶", "Black tea", null);
            fail();
        } catch (PermissionDeniedException e) {
            assertEquals(CatalogService.PRODUCT_EDIT, e.details().get("permission"));
        }
        try {
            categories.create(SPECIALIST, "home/bedding", " ", "Bedding", null);
            fail();
        } catch (ValidationException e) {
            assertEquals(List.of("nameZh"), List.copyOf(e.details().keySet()));
        }
        try {
            categories.create(SPECIALIST, "home/bedding", "床品", "Bedding", null);
            fail("the parent must exist");
        } catch (ValidationException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("parent category home does not exist"));
        }
        try {
            categories.create(SPECIALIST, "Tea Things", "茶", "Tea", null);
            fail();
        } catch (ValidationException e) {
            assertTrue(e.details().containsKey("path"));
        }
        try {
            categories.create(SPECIALIST, "tea", "茶", "Tea", null);
            fail();
        } catch (WubuException e) {
            assertEquals("duplicate", e.code());
        }

        f.now.set(Instant.parse("2026-11-27T05:00:00Z"));
        Category renamed = categories.rename(DESIGNER, "tea/green", "绿茶类", "Green teas", 1, tea.version());
        assertEquals("Green teas", renamed.nameEn());
        assertEquals(2, renamed.version());
        assertEquals("designer", renamed.updatedBy());
        try {
            categories.rename(SPECIALIST, "tea/green", "绿茶", "Green tea", null, 1L);
            fail("stale");
        } catch (WubuException e) {
            assertEquals(CatalogService.CONFLICT, e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("changed by designer at 2026-11-27 13:00:00, reload"));
        }
        assertEquals(List.of("tea", "tea/green", "tea/oolong", "snacks"),
                categories.categories(WAREHOUSE).stream().map(Category::path).collect(Collectors.toList()));
        assertTrue(f.audited.contains("catalog.category.renamed category:tea/green"));
    }

    @Test
    public void productsMustBeFiledUnderAnExistingCategoryAndTheListFiltersWithSubCategories() {
        try {
            f.catalog.create(SPECIALIST, new ProductDraft("X-1", "某物", "Thing", null, null, "tea/yellow", Money.cny("1.00")));
            fail();
        } catch (ValidationException e) {
            assertEquals("unknown: tea/yellow", e.details().get("category"));
        }
        product("TEA-LJ-250", "西湖龙井 250克", "West Lake Longjing, 250 g", "tea/green");
        product("TEA-TGY-250", "安溪铁观音 250克", "Anxi Tieguanyin, 250 g", "tea/oolong");
        product("TEA-SAMPLER", "茶叶试饮装", "Tea sampler", "tea");
        product("SNK-1", "核桃仁", "Walnut kernels", "snacks");
        product("TEAX-1", "茶点", "Tea snack", "snacks");
        assertEquals(List.of("TEA-LJ-250", "TEA-SAMPLER", "TEA-TGY-250"), skus(new ProductQuery(null, null, null, 10, "tea")));
        assertEquals(List.of("TEA-LJ-250"), skus(new ProductQuery(null, null, null, 10, "tea/green")));
        assertEquals(List.of("TEA-LJ-250", "TEA-SAMPLER"), skus(new ProductQuery(null, null, null, 2, "tea")));
        assertEquals(List.of("TEA-TGY-250"), skus(new ProductQuery(null, null, "TEA-SAMPLER", 2, "tea")));
        assertEquals("with text too", List.of("TEA-LJ-250"), skus(new ProductQuery(ProductStatus.LISTED, "龙井", null, 10, "tea")));
        assertEquals(List.of("TEAX-1"), skus(new ProductQuery(null, "tea", null, 10, "snacks")));
        assertEquals(List.of(), skus(new ProductQuery(null, null, null, 10, "snacks/none")));

        Product sampler = f.catalog.find(WAREHOUSE, "TEA-SAMPLER").orElseThrow();
        f.catalog.edit(DESIGNER, "TEA-SAMPLER", new ProductDraft("TEA-SAMPLER", "茶叶试饮装", "Tea sampler", null, null, "snacks", null),
                sampler.version());
        assertEquals("the filter follows an edit", List.of("TEA-LJ-250", "TEA-TGY-250"), skus(new ProductQuery(null, null, null, 10, "tea")));
        assertEquals(List.of("SNK-1", "TEA-SAMPLER", "TEAX-1"), skus(new ProductQuery(null, null, null, 10, "snacks")));
    }

    @Test
    public void attributesAreValidatedNamingTheBadOneAndKeptUnlessAnEditReplacesThem() {
        Product p = f.catalog.create(SPECIALIST, new ProductDraft("TEA-1", "龙井", "Longjing", null, null, "tea/green",
                Money.cny("128.00"), List.of(ORIGIN, WEIGHT)));
        assertEquals(List.of(ORIGIN, WEIGHT), p.attributes());
        try {
            f.catalog.create(SPECIALIST, new ProductDraft("TEA-2", "龙井", "Longjing", null, null, "tea/green", Money.cny("128.00"),
                    List.of(ORIGIN, new ProductAttribute("包装", "Package", "礼盒", " "), ORIGIN)));
            fail();
        } catch (ValidationException e) {
            assertEquals(java.util.Set.of("attributes[1].valueEn", "attributes[2]"), e.details().keySet());
            assertTrue(e.getMessage(), e.getMessage().contains("attribute 2 (包装/Package): valueEn missing"));
        }
        Product kept = f.catalog.edit(DESIGNER, "TEA-1", new ProductDraft("TEA-1", "西湖龙井", "West Lake Longjing", null, null,
                "tea/green", null), p.version());
        assertEquals(List.of(ORIGIN, WEIGHT), kept.attributes());
        Product replaced = f.catalog.edit(DESIGNER, "TEA-1", new ProductDraft("TEA-1", "西湖龙井", "West Lake Longjing", null, null,
                "tea/green", null, List.of(new ProductAttribute(" 产地 ", "Origin", "杭州西湖", "West Lake, Hangzhou"))), kept.version());
        assertEquals(List.of(new ProductAttribute("产地", "Origin", "杭州西湖", "West Lake, Hangzhou")), replaced.attributes());
        assertEquals(replaced.attributes(), f.catalog.find(WAREHOUSE, "TEA-1").orElseThrow().attributes());
    }

    @Test
    public void everyVersionIsInTheHistoryWithWhoWhenAndWhatChanged() {
        Product p = f.catalog.create(SPECIALIST, new ProductDraft("TEA-1", "龙井", "Longjing", null, null, "tea",
                Money.cny("128.00"), List.of(ORIGIN)));
        f.now.set(Instant.parse("2026-11-27T03:04:05Z"));
        Product edited = f.catalog.edit(DESIGNER, "TEA-1", new ProductDraft("TEA-1", "西湖龙井", "Longjing", "明前", null,
                "tea/green", null, List.of(new ProductAttribute("产地", "Origin", "杭州西湖", "West Lake"), WEIGHT)), p.version());
        try {
            f.catalog.edit(SPECIALIST, "TEA-1", new ProductDraft("TEA-1", "龙井茶", "Longjing tea", "", "", "tea", null), p.version());
            fail("stale");
        } catch (WubuException e) {
            assertEquals(CatalogService.CONFLICT, e.code());
            assertEquals("designer", e.details().get("changedBy"));
            assertEquals("2026-11-27T11:04:05+08:00", e.details().get("changedAt"));
            assertTrue(String.valueOf(e.details().get("messageZh")).contains("已被 designer 于 2026-11-27 11:04:05 修改"));
        }
        f.catalog.recordMovement(WAREHOUSE, "TEA-1", StockMovementKind.RECEIPT, 3, "delivery");
        f.withImage("TEA-1");
        long approval = f.catalog.requestListing(PLANNER, "TEA-1", null);
        f.approvals.decide(DIRECTOR, approval, Decision.APPROVE, "ok");
        f.catalog.recordMovement(WAREHOUSE, "TEA-1", StockMovementKind.SALE, 3, "order 1");

        List<ProductRevision> history = f.catalog.history(PLANNER, "TEA-1", null, 50);
        assertEquals(List.of("delisted", "listed", "edited", "created"), history.stream().map(ProductRevision::action).collect(Collectors.toList()));
        long current = f.catalog.find(PLANNER, "TEA-1").orElseThrow().version();
        assertEquals(current, history.get(0).version());
        assertEquals(List.of(new FieldChange("status", "LISTED", "DELISTED"), new FieldChange("delistReason", null, "normal")),
                history.get(0).changes());
        assertEquals(List.of(new FieldChange("status", "DRAFT", "LISTED")), history.get(1).changes());

        ProductRevision edit = history.get(2);
        assertEquals(edited.version(), edit.version());
        assertEquals("designer", edit.changedBy());
        assertEquals(Instant.parse("2026-11-27T03:04:05Z"), edit.changedAt());
        assertEquals(List.of(new FieldChange("titleZh", "龙井", "西湖龙井"), new FieldChange("descriptionZh", null, "明前"),
                new FieldChange("category", "tea", "tea/green"), new FieldChange("attribute:产地/Origin", "杭州/Hangzhou", "杭州西湖/West Lake"),
                new FieldChange("attribute:净含量/Net weight", null, "250克/250 g")), edit.changes());

        ProductRevision created = history.get(3);
        assertEquals(p.version(), created.version());
        assertEquals("specialist", created.changedBy());
        assertTrue(created.changes().contains(new FieldChange("titleEn", null, "Longjing")));
        assertTrue(created.changes().contains(new FieldChange("price", null, "128.00 CNY")));
        assertTrue(created.changes().contains(new FieldChange("status", null, "DRAFT")));

        assertEquals(List.of("edited", "created"), f.catalog.history(PLANNER, "TEA-1", history.get(1).version(), 2).stream()
                .map(ProductRevision::action).collect(Collectors.toList()));
    }

    @Test
    public void searchFindsChinesePartsWordPrefixesAndSkuPrefixesAndFollowsEdits() {
        product("TEA-LJ-250", "西湖龙井 明前特级 250克", "West Lake Longjing, pre-Qingming grade, 250 g", "tea/green");
        product("TEA-TGY-250", "安溪铁观音 清香型 250克", "Anxi Tieguanyin, light roast, 250 g", "tea/oolong");
        product("MUG-1", "手绘陶瓷马克杯", "Hand-painted ceramic mug", "snacks");
        product("ODD-1", "井龙湖西湖龙", "Odd", "snacks");
        assertEquals(List.of("TEA-LJ-250"), skus(new ProductQuery(null, "龙井", null, 10)));
        assertEquals(List.of("TEA-LJ-250"), skus(new ProductQuery(null, "湖龙井", null, 10)));
        assertEquals("a single character", List.of("ODD-1", "TEA-LJ-250"), skus(new ProductQuery(null, "井", null, 10)));
        assertEquals("an English word prefix", List.of("TEA-LJ-250"), skus(new ProductQuery(null, "Qing", null, 10)));
        assertEquals(List.of("TEA-LJ-250", "TEA-TGY-250"), skus(new ProductQuery(null, "250", null, 10)));
        assertEquals("a SKU prefix", List.of("TEA-LJ-250", "TEA-TGY-250"), skus(new ProductQuery(null, "tea-", null, 10)));
        assertEquals(List.of("TEA-TGY-250"), skus(new ProductQuery(null, "TEA-TGY", null, 10)));
        assertEquals("every word must match", List.of("TEA-TGY-250"), skus(new ProductQuery(null, "light 铁观音", null, 10)));
        assertEquals(List.of(), skus(new ProductQuery(null, "longjing 铁观音", null, 10)));
        assertEquals(List.of("MUG-1"), skus(new ProductQuery(null, "CERAM", null, 10)));
        assertEquals(List.of(), skus(new ProductQuery(ProductStatus.DRAFT, "ceramic", null, 10)));

        ProductPage first = f.catalog.list(WAREHOUSE, new ProductQuery(null, "250", null, 1));
        assertEquals("TEA-LJ-250", first.nextAfter());
        ProductPage second = f.catalog.list(WAREHOUSE, new ProductQuery(null, "250", first.nextAfter(), 1));
        assertEquals(List.of("TEA-TGY-250"), second.items().stream().map(Product::sku).collect(Collectors.toList()));
        assertNull(second.nextAfter());

        Product mug = f.catalog.find(WAREHOUSE, "MUG-1").orElseThrow();
        f.catalog.edit(DESIGNER, "MUG-1", new ProductDraft("MUG-1", "青花瓷马克杯", "Blue-and-white porcelain mug", null, null,
                "snacks", null), mug.version());
        assertEquals(List.of(), skus(new ProductQuery(null, "ceramic", null, 10)));
        assertEquals(List.of("MUG-1"), skus(new ProductQuery(null, "青花", null, 10)));
        assertEquals(List.of("MUG-1"), skus(new ProductQuery(null, "porcelain", null, 10)));
    }

    @Test
    public void productsStoredBeforeTheModelGetTheirCategoriesAndSearchTerms() throws Exception {
        // a product written as V1 did (no terms), in a category the tree does not know
        f.catalog.inTransaction(em -> em.createNativeQuery("INSERT INTO CAT_PRODUCT (SKU, TITLE_ZH, TITLE_EN, SEARCH_TEXT,"
                + " DESCRIPTION_ZH, DESCRIPTION_EN, CATEGORY, STATUS, PRICE, CURRENCY, STOCK, RESERVED, CREATED_AT, UPDATED_BY,"
                + " UPDATED_AT, VERSION) VALUES ('OLD-1', '旧茶杯', 'Old teacup', 'old-1', '', '', 'home/kitchen/cups', 'LISTED',"
                + " 9.90, 'CNY', 3, 0, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 1)").executeUpdate());
        assertEquals(List.of(), skus(new ProductQuery(null, "teacup", null, 10)));
        CatalogStore restarted = new CatalogStore(f.emf, new SchemaReady() { }, f.clock(), f.audit(), f.approvals,
                CatalogFixture.platform(false));
        try {
            long deadline = System.nanoTime() + 20_000_000_000L; // done in the background after activation
            while (skus(new ProductQuery(null, "teacup", null, 10)).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<String> paths = categories.categories(WAREHOUSE).stream().map(Category::path).collect(Collectors.toList());
            assertTrue(paths.toString(), paths.containsAll(List.of("home", "home/kitchen", "home/kitchen/cups")));
            assertEquals(List.of("OLD-1"), skus(new ProductQuery(null, "茶杯", null, 10)));
            assertEquals(List.of("OLD-1"), skus(new ProductQuery(null, "teacup", null, 10)));
            assertEquals(List.of("OLD-1"), skus(new ProductQuery(null, null, null, 10, "home/kitchen")));
        } finally {
            restarted.deactivate();
        }
    }
}
