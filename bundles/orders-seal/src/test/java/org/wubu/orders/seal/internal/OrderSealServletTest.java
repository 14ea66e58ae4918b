package org.wubu.orders.seal.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.wubu.orders.seal.internal.SealFixture.DBA;
import static org.wubu.orders.seal.internal.SealFixture.PLANNER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.testsupport.ServletCall;
import org.wubu.testsupport.ServletCall.Answer;

/** /api/orders-seals through the servlet, as the API context hands it an authenticated caller. */
public class OrderSealServletTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Rule
    public final SealFixture f = new SealFixture();

    private OrderSealServlet servlet;

    @Before
    public void aSealedDay() {
        f.at("2026-11-27T10:00:00+08:00");
        f.place("k-1");
        f.at("2026-11-27T18:00:10+08:00");
        OrderSealComponent seals = f.seals();
        seals.sealDue("schedule");
        servlet = new OrderSealServlet(seals);
    }

    private Answer call(String method, String path, Object caller) throws Exception {
        return ServletCall.call(servlet, method, path, caller, null, null);
    }

    @Test
    public void listsDownloadsAndVerifies() throws Exception {
        Answer list = call("GET", "", DBA);
        assertEquals(list.text(), 200, list.status());
        JsonNode item = JSON.readTree(list.text()).get("items").get(0);
        assertEquals("2026-11-27", item.get("date").asText());
        assertEquals("2026-11-26T18:00+08:00", item.get("from").asText());
        assertEquals("2026-11-27T18:00+08:00", item.get("to").asText());
        assertEquals(2, item.get("records").asLong());
        assertEquals(2, item.get("chainHead").get("id").asLong());
        assertTrue(JSON.readTree(list.text()).get("nextBefore").isNull());

        Answer records = call("GET", "/2026-11-27/records.jsonl", DBA);
        assertEquals(200, records.status());
        assertEquals(Files.readString(f.folder.resolve("2026-11-27/records.jsonl"), StandardCharsets.UTF_8), records.text());
        assertEquals("attachment; filename=\"orders-2026-11-27-records.jsonl\"", records.headers().get("Content-Disposition"));
        Answer manifest = call("GET", "/2026-11-27/manifest.json", DBA);
        assertEquals(Files.readString(f.folder.resolve("2026-11-27/manifest.json"), StandardCharsets.UTF_8), manifest.text());

        Answer verify = call("POST", "/2026-11-27/verify", DBA);
        assertEquals(verify.text(), 200, verify.status());
        JsonNode v = JSON.readTree(verify.text());
        assertTrue(v.get("ok").asBoolean());
        assertEquals(2, v.get("records").asLong());
        assertEquals(0, v.get("problems").size());

        Answer one = call("GET", "/2026-11-27", DBA);
        assertEquals(item, JSON.readTree(one.text()));
    }

    @Test
    public void refusalsAnswerWithAReason() throws Exception {
        Answer badDate = call("GET", "/2026-13-01/records.jsonl", DBA);
        assertEquals(400, badDate.status());
        assertTrue(badDate.text(), badDate.text().contains("yyyy-MM-dd"));
        assertEquals(404, call("GET", "/2026-11-20/records.jsonl", DBA).status());
        assertEquals(404, call("GET", "/2026-11-27/secrets.txt", DBA).status());
        assertEquals(404, call("POST", "/2026-11-20/verify", DBA).status());
        assertEquals(403, call("GET", "", PLANNER).status());
        assertEquals(403, call("POST", "/2026-11-27/verify", PLANNER).status());
        Answer notDue = call("POST", "/2026-11-28", DBA);
        assertEquals(409, notDue.status());
        assertTrue(notDue.text(), notDue.text().contains("\"error\":\"seal-not-due\""));
        Answer delete = call("DELETE", "/2026-11-27", DBA);
        assertEquals(405, delete.status());
        assertTrue(delete.text(), delete.text().contains("ORD-4"));
    }
}
