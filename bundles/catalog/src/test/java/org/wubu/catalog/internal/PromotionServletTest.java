package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.wubu.catalog.internal.CatalogFixture.DESIGNER;
import static org.wubu.catalog.internal.CatalogFixture.DIRECTOR;
import static org.wubu.catalog.internal.PromotionParts.PLANNER;
import static org.wubu.catalog.internal.PromotionParts.SPECIALIST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.approvals.api.Decision;
import org.wubu.catalog.api.PromotionService;
import org.wubu.platform.api.Caller;
import org.wubu.testsupport.ServletCall;

/** Promotions and offers over HTTP: paths, bodies, status codes and JSON shapes. */
public class PromotionServletTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GREEN_WEEK = "{\"nameZh\":\"绿茶周\",\"nameEn\":\"Green tea week\",\"kind\":\"percent\",\"percentOff\":20,"
            + "\"categories\":[\"tea/green\"],\"startAt\":\"2026-12-01T08:00:00+08:00\",\"endAt\":\"2026-12-08T08:00:00+08:00\"}";

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private PromotionParts p;
    private PromotionServlet promotions;
    private OfferServlet offers;

    private record Answer(int status, String location, JsonNode json) {
    }

    @Before
    public void setUp() {
        p = new PromotionParts(f);
        p.product("TEA-1", "tea/green", "100.00", 20);
        p.product("TEA-2", "tea/black", "80.00", 7);
        promotions = new PromotionServlet(p.promotions, f.clock());
        offers = new OfferServlet(p.lookup, f.clock());
    }

    private static Answer call(HttpServlet servlet, String method, String path, Caller caller, String body) throws IOException {
        ServletCall.Answer a = ServletCall.call(servlet, method, path, caller, body, null);
        return new Answer(a.status(), a.headers().get("Location"), JSON.readTree(a.text()));
    }

    @Test
    public void thePlannerProposesAndTheSpecialistAppliesOverHttp() throws Exception {
        Answer created = call(promotions, "POST", "", PLANNER, GREEN_WEEK);
        assertEquals(created.toString(), 201, created.status());
        long id = created.json().path("id").asLong();
        assertEquals("/api/catalog/promotions/" + id, created.location());
        assertEquals("PENDING", created.json().path("status").asText());
        assertEquals("2026-12-01T08:00+08:00", created.json().path("startAt").asText());
        assertEquals("tea/green", created.json().path("categories").path(0).asText());
        assertTrue(created.json().path("fixedPrice").isNull());

        Answer overlap = call(promotions, "POST", "", PLANNER, GREEN_WEEK.replace("绿茶周", "又一个").replace("\"percentOff\":20",
                "\"percentOff\":30").replace("\"categories\":[\"tea/green\"]", "\"skus\":[\"TEA-1\"]"));
        assertEquals(overlap.toString(), 409, overlap.status());
        assertEquals(PromotionService.OVERLAP, overlap.json().path("error").asText());
        assertTrue(overlap.json().path("message").asText().contains("promotion " + id + " \"绿茶周 / Green tea week\""));
        assertEquals("TEA-1", overlap.json().path("details").path("conflicts").path(0).path("products").path(0).asText());

        Answer invalid = call(promotions, "POST", "", PLANNER, "{\"nameZh\":\"x\",\"kind\":\"fixed_price\",\"skus\":[\"TEA-2\"],"
                + "\"startAt\":\"tomorrow\"}");
        assertEquals(invalid.toString(), 400, invalid.status());
        assertEquals(Set.of("startAt"), fields(invalid.json().path("details")));
        Answer incomplete = call(promotions, "POST", "", PLANNER, "{\"nameZh\":\"x\",\"kind\":\"fixed_price\",\"skus\":[\"TEA-2\"]}");
        assertEquals(Set.of("nameEn", "fixedPrice", "startAt", "endAt"), fields(incomplete.json().path("details")));
        Answer half = call(promotions, "POST", "", PLANNER, "{\"kind\":\"half\"}");
        assertEquals(half.toString(), 400, half.status());
        assertEquals("invalid", half.json().path("error").asText());
        assertEquals("unknown", half.json().path("details").path("kind").asText());
        assertTrue(half.json().path("message").asText(), half.json().path("message").asText().contains("percent, fixed_price"));
        assertEquals(400, call(promotions, "POST", "", PLANNER, "{\"colour\":\"red\"}").status());
        assertEquals(403, call(promotions, "POST", "", DESIGNER, GREEN_WEEK).status());

        Answer early = call(promotions, "POST", "/" + id + "/apply", SPECIALIST, null);
        assertEquals(early.toString(), 409, early.status());
        assertEquals("not-approved", early.json().path("error").asText());
        f.approvals.decide(DIRECTOR, created.json().path("approvalId").asLong(), Decision.APPROVE, "ok");
        assertEquals(403, call(promotions, "POST", "/" + id + "/apply", PLANNER, null).status());
        Answer applied = call(promotions, "POST", "/" + id + "/apply", SPECIALIST, null);
        assertEquals(applied.toString(), 200, applied.status());
        assertEquals("ACTIVE", applied.json().path("status").asText());
        assertEquals("specialist", applied.json().path("appliedBy").asText());

        Answer list = call(promotions, "GET", "?status=active&sku=TEA-1", PLANNER, null);
        assertEquals(list.toString(), 200, list.status());
        assertEquals(id, list.json().path("items").path(0).path("id").asLong());
        assertTrue(list.json().path("next").isNull());
        assertEquals(0, call(promotions, "GET", "?sku=TEA-2", PLANNER, null).json().path("items").size());
        Answer maybe = call(promotions, "GET", "?status=maybe", PLANNER, null);
        assertEquals(maybe.toString(), 400, maybe.status());
        assertEquals("unknown", maybe.json().path("details").path("status").asText());
        assertEquals(404, call(promotions, "GET", "?sku=NOPE", PLANNER, null).status());
        assertEquals(200, call(promotions, "GET", "/" + id, PLANNER, null).status());
        assertEquals(404, call(promotions, "GET", "/999", PLANNER, null).status());
        assertEquals(404, call(promotions, "GET", "/abc", PLANNER, null).status());
        assertEquals(403, call(promotions, "GET", "", new Caller("delivery", Set.of(), Set.of("orders.read")), null).status());

        Answer during = call(offers, "GET", "?sku=TEA-1&sku=TEA-2,NOPE&at=2026-12-02T00:00:00Z", PLANNER, null);
        assertEquals(during.toString(), 200, during.status());
        JsonNode tea = during.json().path("items").path(0);
        assertEquals("TEA-1", tea.path("sku").asText());
        assertEquals("100.00", tea.path("listPrice").path("amount").asText());
        assertEquals("80.00", tea.path("effectivePrice").path("amount").asText());
        assertEquals("CNY", tea.path("effectivePrice").path("currency").asText());
        assertEquals(id, tea.path("promotionId").asLong());
        assertTrue(tea.path("listed").asBoolean());
        assertEquals(20, tea.path("stockAvailable").asLong());
        JsonNode black = during.json().path("items").path(1);
        assertEquals("80.00", black.path("effectivePrice").path("amount").asText());
        assertTrue(black.path("promotionId").isNull());
        assertEquals("NOPE", during.json().path("missing").path(0).asText());
        assertEquals("2026-12-02T08:00+08:00", during.json().path("at").asText());

        Answer now = call(offers, "GET", "/TEA-1", PLANNER, null);
        assertEquals(now.toString(), 200, now.status());
        assertEquals("before the window", "100.00", now.json().path("effectivePrice").path("amount").asText());
        assertEquals(404, call(offers, "GET", "/NOPE", PLANNER, null).status());
        assertEquals(400, call(offers, "GET", "", PLANNER, null).status());
        assertEquals(400, call(offers, "GET", "?sku=TEA-1&at=soon", PLANNER, null).status());

        Answer cancelled = call(promotions, "POST", "/" + id + "/cancel", SPECIALIST, "{\"reason\":\"stock problem\"}");
        assertEquals(cancelled.toString(), 200, cancelled.status());
        assertEquals("CANCELLED", cancelled.json().path("status").asText());
        assertEquals(409, call(promotions, "POST", "/" + id + "/cancel", SPECIALIST, "{\"reason\":\"again\"}").status());
        assertEquals(404, call(promotions, "POST", "/" + id + "/publish", SPECIALIST, null).status());
    }

    private static Set<String> fields(JsonNode details) {
        Set<String> names = new HashSet<>();
        details.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
