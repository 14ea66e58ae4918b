package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.wubu.orders.api.OrderService;
import org.wubu.platform.api.notify.Notification;
import org.wubu.platform.api.notify.NotificationChannel;

/**
 * The orders workflow on the real assembly in demo mode, with the confirmation clock shortened to 8
 * seconds (checked every second) and the agent's limit lowered to 1.00 CNY so that any refund needs
 * the CS manager: an unconfirmed order gets CONFIRMATION_OVERDUE, its event and a notification for
 * the CS manager while an agent confirms another; a flagged payment blocks packing until the CS
 * manager resolves it; a packing mismatch is refused and recorded, then the right goods pack; ship;
 * deliver; a return above the limit waits for the CS manager's approval, then goes back into stock.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OrdersWorkflowIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<Long> overdueEvents = new CopyOnWriteArrayList<>();
    private final List<Notification> notifications = new CopyOnWriteArrayList<>();
    private ServiceRegistration<?> handler;
    private ServiceRegistration<?> channel;
    private String sku;
    private String price;

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"),
                editConfigurationFilePut("etc/org.wubu.orders.confirmation.cfg", "limitSeconds", "8"),
                editConfigurationFilePut("etc/org.wubu.orders.confirmation.cfg", "checkIntervalSeconds", "1"),
                editConfigurationFilePut("etc/org.wubu.orders.returns.cfg", "agentLimit", "1.00"));
    }

    /** Listens for overdue events and notifications; waits for the demo accounts and a listed product with stock. */
    @Before
    public void ready() {
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, "wubu/orders/CONFIRMATION_OVERDUE");
        handler = bundleContext.registerService(EventHandler.class,
                e -> overdueEvents.add(((Number) e.getProperty("orderId")).longValue()), topics);
        Dictionary<String, Object> name = new Hashtable<>();
        name.put(NotificationChannel.NAME, "it-recorder");
        channel = bundleContext.registerService(NotificationChannel.class, notifications::add, name);

        waitForService(OrderService.class, null, WAIT);
        waitForDemoAccounts();
        waitForHttp200As("agent", "/api/orders/confirmations", WAIT);
        ListedProduct product = waitForListedDemoProduct(10);
        sku = product.sku();
        price = product.price();
    }

    @After
    public void stopListening() {
        handler.unregister();
        channel.unregister();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}\\]]+)").matcher(json);
        assertTrue(name + " in " + json, m.find());
        return m.group(1).replace("\"", "");
    }

    /** Places an order of {@code quantity} units paid with {@code paid} (the total when null); returns its id. */
    private long place(int quantity, String paid) {
        String total = new BigDecimal(price).multiply(BigDecimal.valueOf(quantity)).toPlainString();
        String body = "{\"customer\":{\"name\":\"流程测试\",\"phone\":\"139 0000 0000\"},\"address\":\"南京市鼓楼区中山路 1 号\","
                + "\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"unitPrice\":{\"amount\":\"" + price
                + "\",\"currency\":\"CNY\"}}],\"payment\":{\"method\":\"wechat\",\"amount\":{\"amount\":\"" + (paid == null ? total : paid)
                + "\",\"currency\":\"CNY\"},\"transactionRef\":\"IT-WF-" + UUID.randomUUID() + "\"},\"note\":\"礼品包装，勿放发票\","
                + "\"source\":\"storefront\"}";
        Map<String, String> h = as("csmanager");
        h.put("Idempotency-Key", "it-wf-" + UUID.randomUUID());
        HttpResult created = http("POST", "/api/orders", body, h);
        assertEquals(created.body(), 201, created.status());
        return Long.parseLong(field(created.body(), "id"));
    }

    private long stock() {
        return Long.parseLong(field(http("GET", "/api/catalog/products/" + sku, null, as("csmanager")).body(), "stock"));
    }

    @Test
    public void anUnconfirmedOrderGoesOverdueWithItsEventAndNotificationWhileAnAgentConfirmsAnother() {
        String from = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString();
        long late = place(1, null);
        long confirmed = place(1, null);
        HttpResult confirm = http("POST", "/api/orders/confirmations/" + confirmed,
                "{\"channel\":\"phone\",\"result\":\"confirmed\",\"note\":\"客户确认地址\"}", as("agent"));
        assertEquals(confirm.body(), 201, confirm.status());
        assertEquals("true", field(confirm.body(), "confirmed"));
        assertEquals("CONFIRMED", field(confirm.body(), "kind"));
        HttpResult badChannel = http("POST", "/api/orders/confirmations/" + late, "{\"channel\":\"fax\",\"result\":\"confirmed\"}", as("agent"));
        assertEquals(badChannel.body(), 400, badChannel.status());
        assertTrue(badChannel.body(), badChannel.body().contains("\"channel\""));
        assertEquals(403, http("POST", "/api/orders/confirmations/" + late, "{\"channel\":\"phone\",\"result\":\"confirmed\"}",
                as("delivery")).status());

        waitForAnswer("CONFIRMATION_OVERDUE of order " + late, "agent", "/api/orders/" + late + "/records", WAIT,
                r -> r.status() == 200 && r.body().contains("\"kind\":\"CONFIRMATION_OVERDUE\""));
        waitFor("the event and the notification of order " + late, WAIT, () -> "events " + overdueEvents + ", notifications " + notifications,
                x -> overdueEvents.contains(late) && notifications.stream().anyMatch(n -> ("order:" + late).equals(n.subject())));
        Notification n = notifications.stream().filter(x -> ("order:" + late).equals(x.subject())).findFirst().orElseThrow();
        assertEquals("orders.confirmation-overdue", n.topic());
        // The demo roster has csmanager on duty 08:30-21:00: by name then, to the whole role outside those hours (RosterIT).
        assertTrue(n.toString(), n.roles().contains("cs-manager") || n.usernames().contains("csmanager"));
        HttpResult order = http("GET", "/api/orders/" + late, null, as("agent"));
        assertTrue(order.body(), order.body().contains("\"confirmationOverdue\":true"));
        HttpResult queue = http("GET", "/api/orders/confirmations", null, as("agent"));
        assertEquals(queue.body(), 200, queue.status());
        assertTrue(queue.body(), queue.body().contains("\"orderId\":" + late) && queue.body().contains("\"limitSeconds\":8"));

        String to = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).toString();
        HttpResult report = http("GET", "/api/orders/confirmations/report?from=" + from + "&to=" + to, null, as("csmanager"));
        assertEquals(report.body(), 200, report.status());
        assertTrue(report.body(), report.body().contains("\"agent\":\"agent\"") && report.body().contains("\"shareWithinLimit\""));
    }

    @Test
    public void aFlaggedPaymentBlocksPackingAMismatchIsRecordedThenShipDeliverAndAReturnWaitsForTheCsManager() {
        long id = place(2, "0.01");
        HttpResult flags = waitForAnswer("the payment flag of order " + id, "delivery", "/api/orders/payment-flags/" + id, WAIT,
                r -> r.status() == 200 && r.body().contains("\"rule\":\"amount-mismatch\""));
        assertEquals("true", field(flags.body(), "blocked"));
        String flag = field(flags.body(), "recordId");
        assertEquals(201, http("POST", "/api/orders/confirmations/" + id, "{\"channel\":\"chat\",\"result\":\"confirmed\"}", as("agent")).status());

        String right = "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}";
        HttpResult blocked = http("POST", "/api/orders/packing/" + id, right, as("delivery"));
        assertEquals(blocked.body(), 409, blocked.status());
        assertTrue(blocked.body(), blocked.body().contains("flagged"));
        HttpResult pick = http("GET", "/api/orders/packing/" + id, null, as("delivery"));
        assertTrue(pick.body(), pick.body().contains("礼品包装，勿放发票") && pick.body().contains("\"packable\":false"));

        assertEquals(403, http("POST", "/api/orders/payment-flags/" + id + "/" + flag + "/resolve", "{\"reason\":\"ok\"}", as("agent")).status());
        HttpResult resolved = http("POST", "/api/orders/payment-flags/" + id + "/" + flag + "/resolve",
                "{\"reason\":\"客户补付差额，财务已确认到账\"}", as("csmanager"));
        assertEquals(resolved.body(), 201, resolved.status());

        HttpResult mismatch = http("POST", "/api/orders/packing/" + id, "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1},"
                + "{\"sku\":\"WRONG-SKU\",\"quantity\":1}]}", as("delivery"));
        assertEquals(mismatch.body(), 409, mismatch.status());
        assertEquals("pack-mismatch", field(mismatch.body(), "error"));
        assertTrue(mismatch.body(), mismatch.body().contains("WRONG-SKU") && mismatch.body().contains("\"sku\":\"" + sku + "\""));
        assertTrue("the mismatch stays on the timeline",
                http("GET", "/api/orders/" + id + "/records", null, as("delivery")).body().contains("\"kind\":\"PACK_MISMATCH\""));

        HttpResult packed = http("POST", "/api/orders/packing/" + id, right, as("delivery"));
        assertEquals(packed.body(), 201, packed.status());
        assertEquals("PACKED", field(packed.body(), "kind"));
        HttpResult shipped = http("POST", "/api/orders/shipping/" + id, "{\"carrier\":\"顺丰速运\",\"trackingNumber\":\"SF1000000001\"}",
                as("delivery"));
        assertEquals(shipped.body(), 201, shipped.status());
        HttpResult delivered = http("POST", "/api/orders/shipping/" + id + "/delivered", "{\"note\":\"前台代收\"}", as("delivery"));
        assertEquals(delivered.body(), 201, delivered.status());
        assertEquals("DELIVERED", field(http("GET", "/api/orders/" + id, null, as("agent")).body(), "state"));

        String refund = new BigDecimal(price).multiply(BigDecimal.valueOf(2)).toPlainString();
        HttpResult requested = http("POST", "/api/orders/returns/" + id, "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}],"
                + "\"reason\":\"商品受潮\",\"refund\":{\"amount\":\"" + refund + "\",\"currency\":\"CNY\"}}", as("agent"));
        assertEquals(requested.body(), 201, requested.status());
        assertEquals("true", field(requested.body(), "approvalRequired"));
        String approvalId = field(requested.body(), "approvalId");

        String goods = "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}";
        HttpResult waiting = http("POST", "/api/orders/returns/" + id + "/check", goods, as("delivery"));
        assertEquals(waiting.body(), 409, waiting.status());
        assertEquals("awaiting-approval", field(waiting.body(), "error"));
        HttpResult own = http("POST", "/api/approvals/" + approvalId + "/decision", "{\"decision\":\"approve\",\"comment\":\"ok\"}",
                as("agent"));
        assertEquals("the agent does not approve their own refund: " + own.body(), "own-request", field(own.body(), "error"));
        HttpResult approved = http("POST", "/api/approvals/" + approvalId + "/decision",
                "{\"decision\":\"approve\",\"comment\":\"同意退款\"}", as("csmanager"));
        assertEquals(approved.body(), 200, approved.status());
        waitForAnswer("the approval noted on order " + id, "delivery", "/api/orders/returns/" + id, WAIT,
                r -> r.status() == 200 && r.body().contains("\"approved\":true"));

        long before = stock();
        HttpResult returned = http("POST", "/api/orders/returns/" + id + "/check", goods, as("delivery"));
        assertEquals(returned.body(), 201, returned.status());
        assertEquals("RETURNED", field(returned.body(), "kind"));
        assertTrue(returned.body(), returned.body().contains("\"stockProblems\":[]"));
        assertEquals("the goods are back in stock", before + 2, stock());
        HttpResult verify = http("GET", "/api/orders/verify", null, as("it"));
        assertEquals(verify.body(), 200, verify.status());
        assertEquals("true", field(verify.body(), "intact"));
    }
}
