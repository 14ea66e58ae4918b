package org.wubu.approvals.internal;

import org.wubu.testsupport.ServletCall;
import org.wubu.testsupport.MovableClock;
import org.wubu.testsupport.RecordingAudit;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.wubu.approvals.internal.Fixtures.PRICE_CHANGE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.platform.api.Caller;

/** The REST API over the real engine: paths, bodies, status codes, languages and times. */
public class ApprovalServletTest {

    private static final Caller ALICE = new Caller("alice", Set.of("planner"), Set.of("catalog.price.propose"));
    private static final Caller BOB = new Caller("bob", Set.of("marketing-director"), Set.of(ApprovalService.DECIDE));
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedDataSource ds;
    private EntityManagerFactory emf;
    private ApprovalEngine engine;
    private ApprovalServlet servlet;

    @Before
    public void setUp() throws Exception {
        ds = Fixtures.database();
        emf = Fixtures.persistenceUnit(ds);
        MovableClock clock = new MovableClock();
        engine = new ApprovalEngine(emf, clock, new RecordingAudit(), ApprovalSettings.defaults(), Duration.ofHours(1));
        engine.bindHandler(new Fixtures.PriceChanges(), Map.of(ApprovalHandler.KIND, PRICE_CHANGE));
        assertTrue(engine.awaitIdle(Duration.ofSeconds(20)));
        servlet = new ApprovalServlet(engine, clock);
    }

    @After
    public void tearDown() {
        engine.deactivate();
        emf.close();
        Fixtures.shutdown(ds);
    }

    @Test
    public void submitReadAndDecideOverHttp() throws Exception {
        Answer created = call("POST", "", ALICE, "{\"kind\":\"catalog.price-change\",\"subject\":\"product:SKU-1\","
                + "\"payload\":{\"sku\":\"SKU-1\",\"price\":\"119.00\"},\"summary\":\"SKU-1 → 119.00\"}", null);
        assertEquals(created.text, 201, created.status);
        long id = created.json.get("id").asLong();
        assertEquals("/api/approvals/" + id, created.headers.get("Location"));
        assertEquals("119.00", created.json.get("payload").get("price").asText());
        assertEquals("2026-11-27T10:00+08:00", created.json.get("createdAt").asText());
        assertEquals("role:marketing-director", created.json.get("waitingFor").asText());
        assertFalse(created.json.get("mayDecide").asBoolean());

        Answer inbox = call("GET", "/inbox", BOB, null, null);
        assertEquals(200, inbox.status);
        assertEquals(id, inbox.json.get("items").get(0).get("id").asLong());
        assertEquals("调价", inbox.json.get("items").get(0).get("kindTitle").asText());

        Answer detailEn = call("GET", "/" + id, BOB, null, "en-US,en;q=0.9");
        assertEquals("Price of SKU-1 → 119.00", detailEn.json.get("rendered").asText());
        assertEquals("Marketing director", detailEn.json.get("steps").get(0).get("label").asText());
        assertTrue(detailEn.json.get("mayDecide").asBoolean());
        Answer detailZh = call("GET", "/" + id, BOB, null, null);
        assertEquals("SKU-1 调价为 119.00", detailZh.json.get("rendered").asText());

        Answer decided = call("POST", "/" + id + "/decision", BOB, "{\"decision\":\"approve\",\"comment\":\"ok\",\"step\":0}", null);
        assertEquals(decided.text, 200, decided.status);
        assertEquals(1, decided.json.get("currentStep").asInt());
        assertEquals("bob", decided.json.get("steps").get(0).get("decision").get("decider").asText());

        Answer again = call("POST", "/" + id + "/decision", BOB, "{\"decision\":\"approve\",\"step\":0}", null);
        assertEquals(409, again.status);
        assertEquals("already-decided", again.json.get("error").asText());

        Answer mine = call("GET", "/mine", ALICE, null, null);
        assertEquals(id, mine.json.get("items").get(0).get("id").asLong());
        assertTrue(mine.json.get("next").isNull());
    }

    @Test
    public void refusalsAreJsonWithStableCodes() throws Exception {
        assertEquals(400, call("POST", "", ALICE, "{not json", null).status);
        Answer missing = call("POST", "", ALICE, "{\"kind\":\"catalog.price-change\"}", null);
        assertEquals(400, missing.status);
        assertTrue(missing.json.get("details").has("subject"));
        Answer stopped = call("POST", "", ALICE, "{\"kind\":\"cms.publish\",\"subject\":\"page:home\",\"payload\":\"{}\",\"summary\":\"s\"}", null);
        assertEquals(409, stopped.status);
        assertEquals("module-not-running", stopped.json.get("error").asText());
        assertEquals(404, call("GET", "/12345", ALICE, null, null).status);
        assertEquals(404, call("GET", "/nothing-here", ALICE, null, null).status);
        assertEquals(400, call("POST", "/1/decision", BOB, "{\"decision\":\"maybe\"}", null).status);
        assertEquals(400, call("GET", "/mine?limit=0", ALICE, null, null).status);
    }

    private record Answer(int status, Map<String, String> headers, String text, JsonNode json) {
    }

    private Answer call(String method, String pathAndQuery, Caller caller, String body, String acceptLanguage) throws IOException {
        ServletCall.Answer a = ServletCall.call(servlet, method, pathAndQuery, caller, body, acceptLanguage);
        return new Answer(a.status(), a.headers(), a.text(), JSON.readTree(a.text()));
    }
}
