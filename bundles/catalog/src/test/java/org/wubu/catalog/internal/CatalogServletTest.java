package org.wubu.catalog.internal;

import org.wubu.testsupport.ServletCall;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.wubu.catalog.internal.CatalogFixture.DESIGNER;
import static org.wubu.catalog.internal.CatalogFixture.PLANNER;
import static org.wubu.catalog.internal.CatalogFixture.SPECIALIST;
import static org.wubu.catalog.internal.CatalogFixture.WAREHOUSE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;

/** The listing and delisting requests over HTTP: paths, bodies and status codes. */
public class CatalogServletTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private CatalogServlet servlet;

    private record Answer(int status, Map<String, String> headers, JsonNode json) {
    }

    @Before
    public void setUp() {
        servlet = new CatalogServlet(f.catalog, f.clock());
    }

    @Test
    public void listingRequestsAre201WithTheApprovalIdOr400NamingEveryMissingItem() throws Exception {
        f.catalog.create(SPECIALIST, new ProductDraft("NEW-1", "新品", "New", null, null, "x", Money.cny("5.00")));
        Answer refused = post("/products/NEW-1/listing-requests", PLANNER, "{\"reason\":\"new\"}");
        assertEquals(refused.toString(), 400, refused.status());
        assertEquals(Set.of("stock", "image"), fields(refused.json().path("details")));

        f.catalog.insert(Caller.SYSTEM, new ProductDraft("OLD-1", "旧品", "Old", "", "", "x", Money.cny("5.00")), ProductStatus.DRAFT, 3);
        f.withImage("OLD-1");
        Answer created = post("/products/OLD-1/listing-requests", PLANNER, "{\"reason\":\"ready\"}");
        assertEquals(created.toString(), 201, created.status());
        long id = created.json().path("approvalId").asLong();
        assertEquals(CatalogService.LISTING_KIND, f.approvals.get(PLANNER, id).kind());
        assertEquals("/api/approvals/" + id, created.headers().get("Location"));

        Answer forbidden = post("/products/OLD-1/listing-requests", DESIGNER, "{}");
        assertEquals(403, forbidden.status());
        assertEquals(404, post("/products/NOPE/listing-requests", PLANNER, "{}").status());
    }

    @Test
    public void delistingRequestsNeedAReason() throws Exception {
        f.catalog.insert(Caller.SYSTEM, new ProductDraft("ON-1", "在售", "On sale", "", "", "x", Money.cny("5.00")), ProductStatus.LISTED, 3);
        Answer missing = post("/products/ON-1/delisting-requests", SPECIALIST, "{\"reason\":\" \"}");
        assertEquals(missing.toString(), 400, missing.status());
        assertEquals(Set.of("reason"), fields(missing.json().path("details")));
        Answer created = post("/products/ON-1/delisting-requests", SPECIALIST, "{\"reason\":\"supplier recall\"}");
        assertEquals(created.toString(), 201, created.status());
        assertEquals(CatalogService.DELISTING_KIND, created.json().path("kind").asText());
        assertEquals(403, post("/products/ON-1/delisting-requests", PLANNER, "{\"reason\":\"x\"}").status());
    }

    @Test
    public void anUnknownOrMissingEnumValueIs400NamingTheFieldAndWhatItMayBe() throws Exception {
        f.catalog.insert(Caller.SYSTEM, new ProductDraft("ON-2", "在售", "On sale", "", "", "x", Money.cny("5.00")), ProductStatus.LISTED, 3);
        Answer listed = get("/products?status=pending-listing", PLANNER);
        assertEquals(listed.toString(), 200, listed.status());
        Answer sold = get("/products?status=sold", PLANNER);
        assertEquals(sold.toString(), 400, sold.status());
        assertEquals("invalid", sold.json().path("error").asText());
        assertEquals("unknown", sold.json().path("details").path("status").asText());
        assertTrue(sold.json().path("message").asText(), sold.json().path("message").asText()
                .startsWith("status must be one of draft, pending_listing, listed, delisted (got 'sold') / status 应为 "));
        Answer proposals = get("/price-proposals?status=maybe", PLANNER);
        assertEquals(proposals.toString(), 400, proposals.status());
        assertEquals("unknown", proposals.json().path("details").path("status").asText());

        Answer noKind = post("/products/ON-2/stock-movements", WAREHOUSE, "{\"quantity\":1}");
        assertEquals(noKind.toString(), 400, noKind.status());
        assertEquals("missing", noKind.json().path("details").path("kind").asText());
        Answer badKind = post("/products/ON-2/stock-movements", WAREHOUSE, "{\"kind\":\"gift\",\"quantity\":1}");
        assertEquals(badKind.toString(), 400, badKind.status());
        assertEquals("unknown", badKind.json().path("details").path("kind").asText());
        Answer receipt = post("/products/ON-2/stock-movements", WAREHOUSE, "{\"kind\":\"receipt\",\"quantity\":1,\"why\":\"delivery\"}");
        assertEquals(receipt.toString(), 201, receipt.status());
    }

    private static Set<String> fields(JsonNode details) {
        Set<String> names = new java.util.HashSet<>();
        details.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Answer get(String pathAndQuery, Caller caller) throws IOException {
        ServletCall.Answer a = ServletCall.call(servlet, "GET", pathAndQuery, caller, null, null);
        return new Answer(a.status(), a.headers(), JSON.readTree(a.text()));
    }

    private Answer post(String path, Caller caller, String body) throws IOException {
        ServletCall.Answer a = ServletCall.call(servlet, "POST", path, caller, body, null);
        return new Answer(a.status(), a.headers(), JSON.readTree(a.text()));
    }
}
