package org.wubu.orders.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.wubu.orders.internal.OrdersFixture.AGENT;
import static org.wubu.orders.internal.OrdersFixture.MANAGER;
import static org.wubu.orders.internal.OrdersFixture.STOREFRONT;
import static org.wubu.orders.internal.OrdersFixture.order;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.testsupport.ServletCall;
import org.wubu.testsupport.ServletCall.Answer;

/** The orders over HTTP without a server: refusals of edits (ORD-5), the key, the kinds, reading. */
public class OrdersServletTest {

    @Rule
    public final OrdersFixture f = new OrdersFixture();

    private OrdersServlet servlet;
    private long id;

    @Before
    public void setUp() {
        servlet = new OrdersServlet(f.orders, f.clock);
        f.catalog.listed("TEA-1", "268.00", 10);
        id = f.orders.place(STOREFRONT, "k-1", order("TEA-1@268.00")).order().id();
    }

    @Test
    public void everyEditIsRefusedWithTheReasonInTheCallersLanguage() throws Exception {
        Answer put = ServletCall.call(servlet, "PUT", "/" + id, MANAGER, "{\"address\":\"x\"}", "zh-CN,zh;q=0.9");
        assertEquals(405, put.status());
        assertEquals("GET, POST", put.headers().get("Allow"));
        assertTrue(put.text(), put.text().contains("\"error\":\"order-immutable\"")
                && put.text().contains("\"message\":\"订单一经创建即具有法律约束力") && put.text().contains("\"en\":\"An order is legally binding"));
        Answer delete = ServletCall.call(servlet, "DELETE", "/" + id + "/records", MANAGER, null, "en");
        assertEquals(405, delete.status());
        assertTrue(delete.text(), delete.text().contains("\"message\":\"An order is legally binding once created"));
        assertEquals(405, ServletCall.call(servlet, "PATCH", "/" + id, MANAGER, "{}", null).status());
    }

    @Test
    public void placingNeedsTheKeyAndTheRecordsEndpointTakesNotesAndAmendmentsOnly() throws Exception {
        Answer noKey = ServletCall.call(servlet, "POST", "", MANAGER, "{}", null);
        assertEquals(400, noKey.status());
        assertTrue(noKey.text(), noKey.text().contains("\"Idempotency-Key\":\"missing\""));
        assertEquals(403, ServletCall.call(servlet, "POST", "", AGENT, "{}", null).status());
        Answer packed = ServletCall.call(servlet, "POST", "/" + id + "/records", AGENT, "{\"kind\":\"PACKED\"}", null);
        assertEquals(400, packed.status());
        Answer note = ServletCall.call(servlet, "POST", "/" + id + "/records", AGENT, "{\"kind\":\"NOTE\",\"text\":\"易碎\"}", null);
        assertEquals(note.text(), 201, note.status());
        assertTrue(note.text(), note.text().contains("\"payload\":{\"text\":\"易碎\"}") && note.text().contains("\"sequence\":3"));
        Answer shipped = ServletCall.call(servlet, "POST", "/" + id + "/records", AGENT,
                "{\"kind\":\"AMENDMENT\",\"corrects\":1,\"reason\":\"typo\",\"changes\":{\"phone\":\"139 0000 0000\"}}", null);
        assertEquals(shipped.text(), 201, shipped.status());
        Answer shown = ServletCall.call(servlet, "GET", "/" + id, AGENT, null, null);
        assertEquals(200, shown.status());
        assertTrue(shown.text(), shown.text().contains("\"notes\":[{\"recordId\":1,\"kind\":\"CREATED\"")
                && shown.text().contains("\"text\":\"易碎\"") && shown.text().contains("amends record 1: typo"));
        Answer list = ServletCall.call(servlet, "GET", "?state=accepted&limit=1", AGENT, null, null);
        assertTrue(list.text(), list.text().contains("\"items\":[{\"id\":" + id + ",\"state\":\"ACCEPTED\""));
        assertEquals(404, ServletCall.call(servlet, "GET", "/999", AGENT, null, null).status());
        assertEquals(404, ServletCall.call(servlet, "GET", "/abc", AGENT, null, null).status());
        assertEquals(400, ServletCall.call(servlet, "GET", "?state=lost", AGENT, null, null).status());
        assertEquals(403, ServletCall.call(servlet, "GET", "", STOREFRONT, null, null).status());
    }
}
