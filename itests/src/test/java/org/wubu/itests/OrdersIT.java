package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.wubu.orders.api.OrderService;

/**
 * Orders on the real assembly in demo mode (ORD-5): intake over HTTP with its Idempotency-Key (a
 * repeat answers with the first order, another body under the same key is refused, three concurrent
 * repeats make one order), lines refused by the catalog, notes and amendments as new records; every
 * attempt to edit over HTTP refused with the ORD-5 reason, every UPDATE or DELETE through the
 * platform's own DataSource refused by the database; {@code orders:verify} intact, then reporting a
 * header changed by the database owner.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OrdersIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private String sku;
    private String price;

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"));
    }

    /** Waits for the demo accounts and picks the listed demo product with the most stock. */
    @Before
    public void demoDataReady() {
        waitForService(OrderService.class, null, WAIT);
        waitForDemoAccounts();
        ListedProduct product = waitForListedDemoProduct(20);
        sku = product.sku();
        price = product.price();
    }

    private static Map<String, String> as(String user, String idempotencyKey) {
        Map<String, String> h = as(user);
        h.put("Idempotency-Key", idempotencyKey);
        return h;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}\\]]+)").matcher(json);
        assertTrue(name + " in " + json, m.find());
        return m.group(1).replace("\"", "");
    }

    private String order(String lineSku, int quantity, String unitPrice) {
        return "{\"customer\":{\"name\":\"集成测试\",\"phone\":\"138 0000 0000\"},\"address\":\"杭州市西湖区文三路 20 号\","
                + "\"lines\":[{\"sku\":\"" + lineSku + "\",\"quantity\":" + quantity + ",\"unitPrice\":{\"amount\":\"" + unitPrice
                + "\",\"currency\":\"CNY\"}}],\"payment\":{\"method\":\"alipay\",\"amount\":{\"amount\":\""
                + new java.math.BigDecimal(unitPrice).multiply(java.math.BigDecimal.valueOf(quantity)).toPlainString()
                + "\",\"currency\":\"CNY\"},\"transactionRef\":\"IT-" + UUID.randomUUID() + "\"},\"note\":\"请先电话联系\","
                + "\"source\":\"storefront\"}";
    }

    @Test
    public void intakeOverHttpIsIdempotentAndChecksTheCatalog() throws Exception {
        String body = order(sku, 1, price);
        HttpResult noKey = http("POST", "/api/orders", body, as("csmanager"));
        assertEquals(noKey.body(), 400, noKey.status());
        assertTrue(noKey.body(), noKey.body().contains("Idempotency-Key"));

        String key = "it-" + UUID.randomUUID();
        HttpResult created = http("POST", "/api/orders", body, as("csmanager", key));
        assertEquals(created.body(), 201, created.status());
        String id = field(created.body(), "id");
        assertEquals("ACCEPTED", field(created.body(), "state"));
        assertTrue(created.body(), created.body().contains("\"text\":\"请先电话联系\""));
        assertEquals("/api/orders/" + id, created.header("Location"));

        HttpResult again = http("POST", "/api/orders", body, as("csmanager", key));
        assertEquals(again.body(), 200, again.status());
        assertEquals(id, field(again.body(), "id"));
        assertEquals("true", again.header("Idempotent-Replay"));
        HttpResult other = http("POST", "/api/orders", order(sku, 2, price), as("csmanager", key));
        assertEquals(other.body(), 422, other.status());
        assertEquals(OrderService.IDEMPOTENCY_MISMATCH, field(other.body(), "error"));
        assertTrue(other.body(), other.body().contains(key));

        HttpResult wrongPrice = http("POST", "/api/orders", order(sku, 1, "0.01"), as("csmanager", "it-" + UUID.randomUUID()));
        assertEquals(wrongPrice.body(), 422, wrongPrice.status());
        assertTrue(wrongPrice.body(), wrongPrice.body().contains("lines[0].unitPrice"));
        HttpResult unknown = http("POST", "/api/orders", order("NO-SUCH-SKU", 1, "1.00"), as("csmanager", "it-" + UUID.randomUUID()));
        assertEquals(unknown.body(), 422, unknown.status());
        assertTrue(unknown.body(), unknown.body().contains("\"lines[0].sku\":\"NO-SUCH-SKU is not in the catalog\""));
        assertEquals("a CS agent places no orders", 403, http("POST", "/api/orders", body, as("agent", "it-" + UUID.randomUUID())).status());

        // Three identical requests at once: one order.
        String shared = "it-" + UUID.randomUUID();
        String concurrentBody = order(sku, 1, price);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch go = new CountDownLatch(1);
        Set<String> ids = new HashSet<>();
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<HttpResult>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return http("POST", "/api/orders", concurrentBody, as("csmanager", shared));
                }));
            }
            go.countDown();
            for (Future<HttpResult> a : answers) {
                HttpResult r = a.get(60, TimeUnit.SECONDS);
                statuses.add(r.status());
                ids.add(field(r.body(), "id"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("one order: " + ids, 1, ids.size());
        assertEquals(statuses.toString(), 1, statuses.stream().filter(s -> s == 201).count());
        assertEquals(statuses.toString(), 2, statuses.stream().filter(s -> s == 200).count());

        // The timeline; a note and an amendment are new records.
        HttpResult records = http("GET", "/api/orders/" + id + "/records", null, as("delivery"));
        assertEquals(records.body(), 200, records.status());
        assertTrue(records.body(), records.body().contains("\"kind\":\"CREATED\"") && records.body().contains("\"kind\":\"ACCEPTED\""));
        String createdRecord = field(records.body(), "id");
        HttpResult note = http("POST", "/api/orders/" + id + "/records", "{\"kind\":\"NOTE\",\"text\":\"易碎品，轻拿轻放\"}", as("agent"));
        assertEquals(note.body(), 201, note.status());
        HttpResult amendment = http("POST", "/api/orders/" + id + "/records", "{\"kind\":\"AMENDMENT\",\"corrects\":" + createdRecord
                + ",\"reason\":\"客户更正门牌号\",\"changes\":{\"address\":\"杭州市西湖区文三路 22 号\"}}", as("agent"));
        assertEquals(amendment.body(), 201, amendment.status());
        assertEquals(createdRecord, field(amendment.body(), "corrects"));
        HttpResult shown = http("GET", "/api/orders/" + id, null, as("delivery"));
        assertTrue(shown.body(), shown.body().contains("易碎品，轻拿轻放") && shown.body().contains("客户更正门牌号"));
        assertTrue("the header is as created: " + shown.body(), shown.body().contains("\"address\":\"杭州市西湖区文三路 20 号\""));
        HttpResult list = http("GET", "/api/orders?state=accepted&limit=5", null, as("delivery"));
        assertEquals(list.body(), 200, list.status());
        assertTrue(list.body(), list.body().contains("\"items\":["));
    }

    @Test
    public void editsAreRefusedOverHttpAndByTheDatabase() throws Exception {
        String id = field(http("POST", "/api/orders", order(sku, 1, price), as("csmanager", "it-" + UUID.randomUUID())).body(), "id");
        for (String method : new String[] {"PUT", "DELETE"}) {
            Map<String, String> zh = as("csmanager");
            zh.put("Accept-Language", "zh-CN");
            HttpResult refused = http(method, "/api/orders/" + id, method.equals("PUT") ? "{\"address\":\"elsewhere\"}" : null, zh);
            assertEquals(method + " " + refused.body(), 405, refused.status());
            assertEquals(OrderService.IMMUTABLE, field(refused.body(), "error"));
            assertTrue(refused.body(), refused.body().contains("ORD-5") && refused.body().contains("任何人都不能修改或删除订单数据")
                    && refused.body().contains("nobody may change or delete its data"));
        }
        DataSource ds = waitForService(DataSource.class, "(osgi.jndi.service.name=wubu)", WAIT);
        for (String sql : new String[] {
            "UPDATE ORD_ORDER SET ADDRESS = 'elsewhere' WHERE ID = " + id,
            "UPDATE ORD_RECORD SET ACTOR = 'someone' WHERE ORDER_ID = " + id,
            "DELETE FROM ORD_RECORD WHERE ORDER_ID = " + id,
            "DELETE FROM ORD_LINE WHERE ORDER_ID = " + id,
        }) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate(sql);
                fail("the database accepted: " + sql);
            } catch (SQLException e) {
                assertTrue(sql + ": " + e.getMessage(), e.getMessage().contains("ORD_5_ORDERS_ARE_IMMUTABLE"));
            }
        }
        HttpResult still = http("GET", "/api/orders/" + id, null, as("csmanager"));
        assertTrue(still.body(), still.body().contains("\"address\":\"杭州市西湖区文三路 20 号\""));
    }

    @Test
    public void verifyReportsTheChainsIntactAndAHeaderChangedByTheOwner() throws Exception {
        String id = field(http("POST", "/api/orders", order(sku, 1, price), as("csmanager", "it-" + UUID.randomUUID())).body(), "id");
        String intact = executeCommand("orders:verify", Duration.ofSeconds(60));
        assertTrue(intact, intact.contains("Orders intact, "));
        HttpResult api = http("GET", "/api/orders/verify", null, as("it"));
        assertEquals(api.body(), 200, api.status());
        assertEquals("true", field(api.body(), "intact"));
        assertEquals(403, http("GET", "/api/orders/verify", null, as("delivery")).status());

        DataSource ds = waitForService(DataSource.class, "(osgi.jndi.service.name=wubu)", WAIT);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // The database owner can drop the guard; the chain still tells.
            s.executeUpdate("DROP TRIGGER ORD_ORDER_NO_UPDATE");
            assertEquals(1, s.executeUpdate("UPDATE ORD_ORDER SET ADDRESS = '改过的地址' WHERE ID = " + id));
            String broken = executeCommand("orders:verify", Duration.ofSeconds(60));
            assertTrue(broken, broken.contains("Orders broken at record ") && broken.contains("(order " + id + ", sequence 1)")
                    && broken.contains("address: '杭州市西湖区文三路 20 号' in the record, '改过的地址' in the table"));
            HttpResult reported = http("GET", "/api/orders/verify", null, as("it"));
            assertEquals("false", field(reported.body(), "intact"));
            assertEquals(id, field(reported.body(), "orderId"));
            // Put it back as it was, guard included, for the other scenarios of this container.
            s.executeUpdate("UPDATE ORD_ORDER SET ADDRESS = '杭州市西湖区文三路 20 号' WHERE ID = " + id);
            s.executeUpdate("CREATE TRIGGER ORD_ORDER_NO_UPDATE AFTER UPDATE ON ORD_ORDER FOR EACH STATEMENT"
                    + " INSERT INTO ORD_5_REFUSAL VALUES ('ORD_ORDER', 1)");
        }
        String again = executeCommand("orders:verify", Duration.ofSeconds(60));
        assertTrue(again, again.contains("Orders intact, "));
        String shown = executeCommand("orders:show " + id);
        assertTrue(shown, shown.contains("Order " + id + " — ACCEPTED") && shown.contains("CREATED") && shown.contains("请先电话联系"));
        String listed = executeCommand("orders:list -n 5");
        assertNotNull(listed);
        assertTrue(listed, listed.contains(id));
    }
}
