package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.wubu.catalog.internal.CatalogFixture.DESIGNER;
import static org.wubu.catalog.internal.CatalogFixture.PLANNER;
import static org.wubu.catalog.internal.CatalogFixture.SPECIALIST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import javax.servlet.http.HttpServlet;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.testsupport.ServletCall;

/** Categories, attributes, the history and the stale-edit answer over HTTP: paths, bodies, status codes. */
public class ProductModelServletTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private CatalogServlet products;
    private CategoryServlet categories;

    private record Answer(int status, JsonNode json) {
    }

    @Before
    public void setUp() {
        products = new CatalogServlet(f.catalog, f.clock());
        categories = new CategoryServlet(new CategoryStore(f.emf, new SchemaReady() { }, f.clock(), f.audit()), f.clock());
    }

    private Answer call(HttpServlet servlet, String method, String path, Caller caller, String body) throws IOException {
        ServletCall.Answer a = ServletCall.call(servlet, method, path, caller, body, null);
        return new Answer(a.status(), JSON.readTree(a.text()));
    }

    @Test
    public void categoriesAreANestedTreeCreatedAndRenamedByEditors() throws Exception {
        assertEquals(201, call(categories, "POST", "", SPECIALIST, "{\"path\":\"tea\",\"nameZh\":\"茶叶\",\"nameEn\":\"Tea\"}").status());
        Answer green = call(categories, "POST", "", SPECIALIST, "{\"path\":\"tea/green\",\"nameZh\":\"绿茶\",\"nameEn\":\"Green tea\"}");
        assertEquals(green.toString(), 201, green.status());
        assertEquals(403, call(categories, "POST", "", PLANNER, "{\"path\":\"snacks\",\"nameZh\":\"零食\",\"nameEn\":\"Snacks\"}").status());
        Answer bad = call(categories, "POST", "", SPECIALIST, "{\"path\":\"Snacks!\",\"nameEn\":\"Snacks\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().path("details").has("path") && bad.json().path("details").has("nameZh"));

        call(products, "POST", "/products", SPECIALIST, "{\"sku\":\"TEA-1\",\"titleZh\":\"龙井\",\"titleEn\":\"Longjing\","
                + "\"category\":\"tea/green\",\"price\":{\"amount\":\"9.90\"}}");
        Answer tree = call(categories, "GET", "", PLANNER, null);
        assertEquals(200, tree.status());
        JsonNode tea = tree.json().path("items").get(0);
        assertEquals("tea", tea.path("path").asText());
        assertEquals(0, tea.path("productCount").asInt());
        assertEquals(1, tea.path("totalCount").asInt());
        assertEquals("tea/green", tea.path("children").get(0).path("path").asText());
        assertEquals(1, tea.path("children").get(0).path("productCount").asInt());

        Answer renamed = call(categories, "PUT", "/tea/green", DESIGNER, "{\"nameZh\":\"绿茶类\",\"nameEn\":\"Green teas\",\"version\":1}");
        assertEquals(renamed.toString(), 200, renamed.status());
        assertEquals(2, renamed.json().path("version").asInt());
        Answer stale = call(categories, "PUT", "/tea/green", SPECIALIST, "{\"nameZh\":\"绿茶\",\"nameEn\":\"Green tea\",\"version\":1}");
        assertEquals(409, stale.status());
        assertEquals("designer", stale.json().path("details").path("changedBy").asText());
        assertEquals(404, call(categories, "PUT", "/tea/black", SPECIALIST, "{\"nameZh\":\"红茶\",\"nameEn\":\"Black tea\"}").status());
        assertEquals("Green teas", call(categories, "GET", "/tea/green", PLANNER, null).json().path("nameEn").asText());
    }

    @Test
    public void attributesHistoryAndTheStaleEditAnswer() throws Exception {
        Answer created = call(products, "POST", "/products", SPECIALIST, "{\"sku\":\"TEA-1\",\"titleZh\":\"龙井\",\"titleEn\":\"Longjing\","
                + "\"category\":\"tea\",\"price\":{\"amount\":\"128.00\",\"currency\":\"CNY\"},\"attributes\":[{\"nameZh\":\"产地\","
                + "\"nameEn\":\"Origin\",\"valueZh\":\"杭州\",\"valueEn\":\"Hangzhou\"}]}");
        assertEquals(created.toString(), 201, created.status());
        assertEquals("Hangzhou", created.json().path("attributes").get(0).path("valueEn").asText());
        Answer badAttribute = call(products, "POST", "/products", SPECIALIST, "{\"sku\":\"TEA-2\",\"titleZh\":\"龙井\",\"titleEn\":\"Longjing\","
                + "\"category\":\"tea\",\"price\":{\"amount\":\"1.00\"},\"attributes\":[{\"nameZh\":\"产地\",\"nameEn\":\"Origin\"}]}");
        assertEquals(400, badAttribute.status());
        assertTrue(badAttribute.json().toString(), badAttribute.json().path("details").has("attributes[0].valueZh"));

        long version = created.json().path("version").asLong();
        f.now.set(Instant.parse("2026-11-27T06:30:00Z"));
        Answer edited = call(products, "PUT", "/products/TEA-1", DESIGNER, "{\"titleZh\":\"西湖龙井\",\"titleEn\":\"Longjing\","
                + "\"category\":\"tea\",\"version\":" + version + "}");
        assertEquals(edited.toString(), 200, edited.status());
        assertEquals("attributes kept", "Hangzhou", edited.json().path("attributes").get(0).path("valueEn").asText());
        Answer stale = call(products, "PUT", "/products/TEA-1", SPECIALIST, "{\"titleZh\":\"龙井茶\",\"titleEn\":\"Longjing\","
                + "\"category\":\"tea\",\"version\":" + version + "}");
        assertEquals(409, stale.status());
        assertEquals("conflict", stale.json().path("error").asText());
        assertEquals("product TEA-1 was changed by designer at 2026-11-27 14:30:00, reload", stale.json().path("message").asText());
        assertEquals("designer", stale.json().path("details").path("changedBy").asText());
        assertEquals("2026-11-27T14:30+08:00", stale.json().path("details").path("changedAt").asText());

        Answer history = call(products, "GET", "/products/TEA-1/history", PLANNER, null);
        assertEquals(200, history.status());
        JsonNode items = history.json().path("items");
        assertEquals(2, items.size());
        assertEquals("edited", items.get(0).path("action").asText());
        assertEquals("designer", items.get(0).path("changedBy").asText());
        assertEquals("2026-11-27T14:30+08:00", items.get(0).path("changedAt").asText());
        assertEquals("{\"field\":\"titleZh\",\"old\":\"龙井\",\"new\":\"西湖龙井\"}", items.get(0).path("changes").get(0).toString());
        assertEquals("created", items.get(1).path("action").asText());
        assertTrue(history.json().path("next").isNull());
        Answer page = call(products, "GET", "/products/TEA-1/history?limit=1", PLANNER, null);
        assertEquals(items.get(0).path("version").asLong(), page.json().path("next").asLong());
        assertEquals(404, call(products, "GET", "/products/NOPE/history", PLANNER, null).status());
    }
}
