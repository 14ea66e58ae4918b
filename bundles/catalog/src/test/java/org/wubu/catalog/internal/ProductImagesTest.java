package org.wubu.catalog.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.wubu.catalog.internal.CatalogFixture.DESIGNER;
import static org.wubu.catalog.internal.CatalogFixture.PLANNER;
import static org.wubu.catalog.internal.CatalogFixture.SPECIALIST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.media.MediaKind;
import org.wubu.testsupport.ServletCall;
import org.wubu.testsupport.TestPlatform;

public class ProductImagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private void product(String sku, ProductStatus status) {
        f.catalog.insert(Caller.SYSTEM, new ProductDraft(sku, "商品 " + sku, "Product " + sku, "", "", "test", Money.cny("9.90")),
                status, 5);
    }

    private static List<String> ids(List<ProductImage> images) {
        return images.stream().map(ProductImage::mediaId).collect(Collectors.toList());
    }

    @Test
    public void imagesAreAddedInOrderReorderedAndRemovedEachAudited() {
        product("IMG-1", ProductStatus.DRAFT);
        String a = f.media.image("a");
        String b = f.media.image("b");
        String c = f.media.image("c");
        f.images.add(DESIGNER, "IMG-1", a, "正面", "front");
        f.images.add(SPECIALIST, "IMG-1", b, null, null);
        List<ProductImage> three = f.images.add(DESIGNER, "IMG-1", c, "背面", "back");
        assertEquals(List.of(a, b, c), ids(three));
        assertEquals(List.of(1, 2, 3), three.stream().map(ProductImage::position).collect(Collectors.toList()));
        assertEquals("正面", three.get(0).altZh());
        assertEquals("", three.get(1).altEn());
        assertEquals("designer", three.get(0).addedBy());

        assertEquals(List.of(c, a, b), ids(f.images.reorder(SPECIALIST, "IMG-1", List.of(c, a, b))));
        List<ProductImage> two = f.images.remove(DESIGNER, "IMG-1", a);
        assertEquals(List.of(c, b), ids(two));
        assertEquals("positions close up", List.of(1, 2), two.stream().map(ProductImage::position).collect(Collectors.toList()));
        assertEquals(two, f.images.list(PLANNER, "IMG-1"));
        assertEquals(List.of("catalog.product.image.added product:IMG-1", "catalog.product.image.added product:IMG-1",
                "catalog.product.image.added product:IMG-1", "catalog.product.image.reordered product:IMG-1",
                "catalog.product.image.removed product:IMG-1"), f.audited.subList(f.audited.size() - 5, f.audited.size()));
    }

    @Test
    public void refusalsNameTheFieldAndTheRule() throws IOException {
        product("IMG-2", ProductStatus.DRAFT);
        String a = f.media.image("a");
        try {
            f.images.add(PLANNER, "IMG-2", a, null, null);
            fail("the planner does not edit products");
        } catch (PermissionDeniedException e) {
            assertEquals(CatalogService.PRODUCT_EDIT, e.details().get("permission"));
        }
        try {
            f.images.add(DESIGNER, "IMG-2", "f".repeat(64), "x".repeat(201), null);
            fail("unknown media, long alt");
        } catch (ValidationException e) {
            assertEquals(java.util.Set.of("mediaId", "altZh"), e.details().keySet());
            assertTrue(e.getMessage(), e.getMessage().contains("/api/media?kind=image"));
        }
        String video = f.media.store(Caller.SYSTEM, MediaKind.VIDEO, "a.mp4", "video/mp4",
                new ByteArrayInputStream(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'})).id();
        try {
            f.images.add(DESIGNER, "IMG-2", video, null, null);
            fail("a video is no image");
        } catch (ValidationException e) {
            assertEquals("is a video, not an image", e.details().get("mediaId"));
        }
        f.images.add(DESIGNER, "IMG-2", a, null, null);
        try {
            f.images.add(DESIGNER, "IMG-2", a, null, null);
            fail("twice");
        } catch (WubuException e) {
            assertEquals("duplicate", e.code());
        }
        try {
            f.images.reorder(DESIGNER, "IMG-2", List.of(a, a));
            fail("each once");
        } catch (ValidationException e) {
            assertEquals("not the product's images", e.details().get("order"));
        }
        try {
            f.images.add(DESIGNER, "NO-SUCH", a, null, null);
            fail();
        } catch (NotFoundException expected) {
            assertEquals("NO-SUCH", expected.details().get("id"));
        }
        try {
            f.images.remove(DESIGNER, "IMG-2", f.media.image("never-added"));
            fail();
        } catch (NotFoundException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("image of product IMG-2"));
        }
    }

    @Test
    public void aListedProductKeepsItsLastImage() {
        product("IMG-3", ProductStatus.LISTED);
        String a = f.media.image("a");
        String b = f.media.image("b");
        f.images.add(DESIGNER, "IMG-3", a, null, null);
        f.images.add(DESIGNER, "IMG-3", b, null, null);
        f.images.remove(DESIGNER, "IMG-3", a);
        try {
            f.images.remove(DESIGNER, "IMG-3", b);
            fail("CAT-7: a listed product has an image");
        } catch (WubuException e) {
            assertEquals(CatalogService.WRONG_STATUS, e.code());
        }
        assertEquals(List.of(b), ids(f.images.list(PLANNER, "IMG-3")));
    }

    @Test
    public void listingNamesTheMissingImageAndAcceptsTheProductOnceItHasOne() {
        product("IMG-4", ProductStatus.DRAFT);
        try {
            f.catalog.requestListing(PLANNER, "IMG-4", null);
            fail("no image");
        } catch (ValidationException e) {
            assertEquals(Map.of("image", "missing: at least one image"), e.details());
        }
        f.images.add(DESIGNER, "IMG-4", f.media.image("IMG-4"), null, null);
        assertTrue(f.catalog.requestListing(PLANNER, "IMG-4", null) > 0);
    }

    private ServletCall.Answer call(String method, String path, Caller caller, String body) throws IOException {
        return ServletCall.call(new ProductImagesServlet(f.images, f.clock()), method, path, caller, body, null);
    }

    @Test
    public void theServletListsAddsReordersAndRemoves() throws IOException {
        product("IMG-5", ProductStatus.DRAFT);
        String a = f.media.image("a");
        String b = f.media.image("b");
        ServletCall.Answer added = call("POST", "/IMG-5", DESIGNER, "{\"mediaId\":\"" + a + "\",\"altZh\":\"正面\",\"altEn\":\"front\"}");
        assertEquals(added.text(), 201, added.status());
        JsonNode item = JSON.readTree(added.text()).path("items").get(0);
        assertEquals(a, item.path("mediaId").asText());
        assertEquals(1, item.path("position").asInt());
        assertEquals("/api/media/" + a, item.path("url").asText());
        assertEquals("image/png", item.path("contentType").asText());
        assertEquals("2026-11-27T10:00+08:00", item.path("addedAt").asText());
        call("POST", "/IMG-5", DESIGNER, "{\"mediaId\":\"" + b + "\"}");

        ServletCall.Answer reordered = call("PUT", "/IMG-5", DESIGNER, "{\"order\":[\"" + b + "\",\"" + a + "\"]}");
        assertEquals(reordered.text(), 200, reordered.status());
        assertEquals(b, JSON.readTree(reordered.text()).path("items").get(0).path("mediaId").asText());

        ServletCall.Answer removed = call("DELETE", "/IMG-5", DESIGNER, "{\"mediaId\":\"" + b + "\"}");
        assertEquals(removed.text(), 200, removed.status());
        assertEquals(1, JSON.readTree(removed.text()).path("items").size());
        assertEquals(200, call("DELETE", "/IMG-5/" + a, DESIGNER, null).status());

        ServletCall.Answer list = call("GET", "/IMG-5", PLANNER, null);
        assertEquals("{\"sku\":\"IMG-5\",\"items\":[]}", list.text());
        assertEquals(403, call("POST", "/IMG-5", PLANNER, "{\"mediaId\":\"" + a + "\"}").status());
        assertEquals(403, call("GET", "/IMG-5", new Caller("delivery", java.util.Set.of(), java.util.Set.of("orders.read")), null).status());
        ServletCall.Answer bad = call("POST", "/IMG-5", DESIGNER, "{\"mediaId\":\"nope\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.text(), bad.text().contains("\"mediaId\""));
        assertEquals(404, call("GET", "/NO-SUCH", PLANNER, null).status());
        assertEquals(404, call("GET", "", PLANNER, null).status());
    }

    @Test
    public void demoPngsAreValidDeterministicAndColouredBySku() throws IOException {
        byte[] one = DemoPng.square("TEA-LJ-250", 96);
        assertArrayEquals(one, DemoPng.square("TEA-LJ-250", 96));
        assertFalse(java.util.Arrays.equals(one, DemoPng.square("TEA-BLC-100", 96)));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(one));
        assertEquals(96, img.getWidth());
        assertEquals(96, img.getHeight());
        assertEquals("one colour inside", img.getRGB(30, 30), img.getRGB(60, 70));
        assertTrue("a darker frame", img.getRGB(0, 0) != img.getRGB(30, 30));
        assertTrue("small", one.length < 1000);
    }

    @Test
    public void inDemoModeTheDemoProductsGetAnImageAndStaffProductsDoNot() {
        product("DEMO-1", ProductStatus.LISTED);
        product("DEMO-2", ProductStatus.DELISTED);
        f.catalog.create(SPECIALIST, new ProductDraft("STAFF-1", "员工", "Staff", null, null, "test", Money.cny("1.00")));
        DemoProductImages production = new DemoProductImages(TestPlatform.PRODUCTION, f.images, f.catalog);
        production.deactivate();
        assertTrue(f.images.list(PLANNER, "DEMO-1").isEmpty());

        DemoProductImages demo = new DemoProductImages(TestPlatform.DEMO, f.images, f.catalog);
        demo.deactivate(); // waits for the sweep
        assertEquals(1, f.images.list(PLANNER, "DEMO-1").size());
        assertEquals("商品 DEMO-1", f.images.list(PLANNER, "DEMO-1").get(0).altZh());
        assertEquals(1, f.images.list(PLANNER, "DEMO-2").size());
        assertTrue(f.images.list(PLANNER, "STAFF-1").isEmpty());
        assertTrue("already has one", !new DemoProductImages(TestPlatform.PRODUCTION, f.images, f.catalog).attach("DEMO-1"));
    }
}
