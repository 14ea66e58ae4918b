package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.wubu.platform.api.notify.Notification;
import org.wubu.platform.api.notify.NotificationChannel;

/**
 * The duty roster on the real assembly in demo mode (DUTY-1..3, issue 6), with the confirmation clock shortened to
 * 8 seconds: the CS manager assigns themself a shift over REST, the on-duty query names them, a planner (no
 * duty.manage) is refused 403, an overlapping shift 409 and a person without the role 400; an order left unconfirmed
 * then notifies the CS manager on duty by name, and once the shift is removed the next one goes to every CS
 * manager, saying that nobody is on duty. The recording notification channel is registered from the probe.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RosterIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A shift in the roster's JSON: id, username, role, location, start, end (the order the API writes them in). */
    private static final Pattern SHIFT = Pattern.compile(
            "\\{\"id\":(\\d+),\"username\":\"([^\"]+)\",\"role\":\"[^\"]*\",\"location\":\"[^\"]*\",\"start\":\"([^\"]+)\",\"end\":\"([^\"]+)\"");

    private final List<Notification> notifications = new CopyOnWriteArrayList<>();
    private ServiceRegistration<?> channel;

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"),
                editConfigurationFilePut("etc/org.wubu.orders.confirmation.cfg", "limitSeconds", "8"),
                editConfigurationFilePut("etc/org.wubu.orders.confirmation.cfg", "checkIntervalSeconds", "1"));
    }

    @Before
    public void ready() {
        Dictionary<String, Object> name = new Hashtable<>();
        name.put(NotificationChannel.NAME, "it-roster-recorder");
        channel = bundleContext.registerService(NotificationChannel.class, notifications::add, name);
        waitForDemoAccounts();
        waitForHttp200As("csmanager", "/api/roster/now", WAIT);
    }

    @After
    public void stopListening() {
        channel.unregister();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}\\]]+)").matcher(json);
        assertTrue(name + " in " + json, m.find());
        return m.group(1).replace("\"", "");
    }

    private static String shift(String username, String role, Instant start, Instant end) {
        return "{\"username\":\"" + username + "\",\"role\":\"" + role + "\",\"location\":\"head-office\",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\",\"note\":\"RosterIT\"}";
    }

    /** Removes csmanager's shifts (the demo's daily ones) that touch [from, to), so that the test owns that time. */
    private static void clearCsManager(Instant from, Instant to) {
        String today = OffsetDateTime.now().toLocalDate().toString();
        HttpResult week = http("GET", "/api/roster/shifts?from=" + OffsetDateTime.now().minusDays(2).toLocalDate() + "&to="
                + OffsetDateTime.now().plusDays(2).toLocalDate(), null, as("csmanager"));
        assertEquals(today + ": " + week.body(), 200, week.status());
        Matcher m = SHIFT.matcher(week.body());
        while (m.find()) {
            Instant start = OffsetDateTime.parse(m.group(3)).toInstant();
            Instant end = OffsetDateTime.parse(m.group(4)).toInstant();
            if (m.group(2).equals("csmanager") && start.isBefore(to) && from.isBefore(end)) {
                HttpResult removed = http("DELETE", "/api/roster/shifts/" + m.group(1) + "?reason="
                        + URLEncoder.encode("RosterIT 接管此时段", StandardCharsets.UTF_8), null, as("csmanager"));
                assertEquals(removed.body(), 200, removed.status());
            }
        }
    }

    /** Places an order of one unit of the best-stocked demo product; returns its id. */
    private static long placeOrder() {
        ListedProduct p = waitForListedDemoProduct(2);
        String body = "{\"customer\":{\"name\":\"值班测试\",\"phone\":\"139 0000 0001\"},\"address\":\"南京市鼓楼区中山路 2 号\","
                + "\"lines\":[{\"sku\":\"" + p.sku() + "\",\"quantity\":1,\"unitPrice\":{\"amount\":\"" + p.price()
                + "\",\"currency\":\"CNY\"}}],\"payment\":{\"method\":\"wechat\",\"amount\":{\"amount\":\""
                + new BigDecimal(p.price()).toPlainString() + "\",\"currency\":\"CNY\"},\"transactionRef\":\"IT-ROSTER-" + UUID.randomUUID()
                + "\"},\"source\":\"storefront\"}";
        Map<String, String> h = as("csmanager");
        h.put("Idempotency-Key", "it-roster-" + UUID.randomUUID());
        HttpResult created = http("POST", "/api/orders", body, h);
        assertEquals(created.body(), 201, created.status());
        return Long.parseLong(field(created.body(), "id"));
    }

    private Notification overdueNotice(long orderId) {
        String subject = "order:" + orderId;
        waitFor("the overdue notification of order " + orderId, WAIT, () -> notifications.toString(),
                x -> notifications.stream().anyMatch(n -> subject.equals(n.subject()) && "orders.confirmation-overdue".equals(n.topic())));
        return notifications.stream().filter(n -> subject.equals(n.subject()) && "orders.confirmation-overdue".equals(n.topic()))
                .findFirst().orElseThrow();
    }

    @Test
    public void theCsManagerOnDutyHearsOfOverdueOrdersByNameAndEveryCsManagerWhenNobodyIsOnDuty() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant start = now.minus(Duration.ofHours(1));
        Instant end = now.plus(Duration.ofHours(2));
        clearCsManager(start, end);

        HttpResult refused = http("POST", "/api/roster/shifts", shift("planner", "cs-manager", start, end), as("planner"));
        assertEquals(refused.body(), 403, refused.status());

        HttpResult created = http("POST", "/api/roster/shifts", shift("csmanager", "cs-manager", start, end), as("csmanager"));
        assertEquals(created.body(), 201, created.status());
        String id = field(created.body(), "id");

        HttpResult onDuty = http("GET", "/api/roster/on-duty?role=cs-manager", null, as("planner"));
        assertEquals(onDuty.body(), 200, onDuty.status());
        assertTrue(onDuty.body(), onDuty.body().contains("\"usernames\":[\"csmanager\"]"));

        HttpResult clash = http("POST", "/api/roster/shifts", shift("csmanager", "cs-manager", now, now.plus(Duration.ofHours(4))),
                as("csmanager"));
        assertEquals(clash.body(), 409, clash.status());
        assertEquals("shift-overlap", field(clash.body(), "error"));
        assertEquals(id, field(clash.body(), "shiftId"));

        HttpResult notHeld = http("POST", "/api/roster/shifts", shift("planner", "cs-manager", end, end.plus(Duration.ofHours(1))),
                as("csmanager"));
        assertEquals(notHeld.body(), 400, notHeld.status());
        assertTrue(notHeld.body(), notHeld.body().contains("\"role\":\"not held\""));

        HttpResult week = http("GET", "/api/roster/now", null, as("agent"));
        assertEquals(week.body(), 200, week.status());
        assertTrue(week.body(), week.body().contains("\"username\":\"csmanager\"") && week.body().contains("\"onlineServiceOpen\""));

        Notification byName = overdueNotice(placeOrder());
        assertEquals(byName.toString(), Set.of("csmanager"), byName.usernames());
        assertEquals(byName.toString(), Set.of(), byName.roles());

        HttpResult removed = http("DELETE", "/api/roster/shifts/" + id + "?reason=" + URLEncoder.encode("换班", StandardCharsets.UTF_8), null,
                as("csmanager"));
        assertEquals(removed.body(), 200, removed.status());
        assertTrue(http("GET", "/api/roster/on-duty?role=cs-manager", null, as("planner")).body().contains("\"usernames\":[]"));

        Notification toAll = overdueNotice(placeOrder());
        assertEquals(toAll.toString(), Set.of("cs-manager"), toAll.roles());
        assertTrue(toAll.bodyEn(), toAll.bodyEn().contains("No CS manager on duty in the roster"));

        HttpResult audit = http("GET", "/api/audit?subject=shift:" + id, null, as("gm"));
        assertEquals(audit.body(), 200, audit.status());
        assertTrue(audit.body(), audit.body().contains("roster.shift.assigned") && audit.body().contains("roster.shift.removed"));
    }
}
