package org.wubu.console.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.wubu.platform.api.Caller;

/** What each member of staff may see of the Wubu events on the console's live stream. */
public class ConsoleEventsTest {

    private static final Caller PLANNER = new Caller("planner", Set.of("planner"), Set.of("catalog.read"));
    private static final Caller IT = new Caller("it", Set.of("it-admin"), Set.of("security.*", "audit.read", "backup.read"));

    @Test
    public void approvalEventsGoToEveryoneWithIdKindAndStateOnly() {
        Event submitted = new Event("wubu/approvals/SUBMITTED", Map.of("id", 42L, "kind", "security.permission-change",
                "state", "PENDING", "subject", "account:warehouse", "actor", "lead", "payload", "{\"secret\":1}"));
        String frame = ConsoleEvents.message(submitted, PLANNER).orElseThrow();
        assertEquals("event: approvals\ndata: {\"event\":\"SUBMITTED\",\"id\":42,\"kind\":\"security.permission-change\","
                + "\"state\":\"PENDING\"}\n\n", frame);
        assertFalse(frame.contains("warehouse") || frame.contains("lead") || frame.contains("secret"));
    }

    @Test
    public void backupAndAuditEventsNeedTheirReadPermission() {
        Event backup = new Event("wubu/backup/COMPLETED", Map.of("subject", "20260101T030000Z", "actor", "system"));
        assertTrue(ConsoleEvents.message(backup, PLANNER).isEmpty());
        assertEquals("event: backups\ndata: {\"event\":\"COMPLETED\",\"name\":\"20260101T030000Z\"}\n\n",
                ConsoleEvents.message(backup, IT).orElseThrow());
        Event audit = new Event("wubu/audit/RECORDED", Map.of("sequence", 7L, "action", "security.login", "subject", "account:gm"));
        assertTrue(ConsoleEvents.message(audit, PLANNER).isEmpty());
        assertEquals("event: audit\ndata: {\"event\":\"RECORDED\",\"sequence\":7}\n\n", ConsoleEvents.message(audit, IT).orElseThrow());
    }

    @Test
    public void orderEventsGoToOrderReadersWithoutCustomerOrActor() {
        Event accepted = new Event("wubu/orders/ACCEPTED", Map.of("orderId", 42L, "recordId", 318L, "sequence", 2L, "kind", "ACCEPTED",
                "state", "ACCEPTED", "previousState", "NEW", "actor", "storefront", "subject", "order:42"));
        assertTrue(ConsoleEvents.message(accepted, PLANNER).isEmpty());
        Caller agent = new Caller("agent", Set.of("cs-agent"), Set.of("orders.read", "orders.confirm"));
        String frame = ConsoleEvents.message(accepted, agent).orElseThrow();
        assertEquals("event: orders\ndata: {\"event\":\"ACCEPTED\",\"orderId\":42,\"recordId\":318,\"state\":\"ACCEPTED\","
                + "\"previousState\":\"NEW\"}\n\n", frame);
        assertFalse(frame.contains("storefront"));
        Caller manager = new Caller("csmanager", Set.of("cs-manager"), Set.of("orders.*"));
        assertTrue(ConsoleEvents.message(accepted, manager).isPresent());
    }

    @Test
    public void otherTopicsAreNotStreamed() {
        assertTrue(ConsoleEvents.message(new Event("wubu/persistence/SCHEMA_MIGRATED", Map.of("subject", "org.wubu.audit")), IT).isEmpty());
        assertTrue(ConsoleEvents.message(new Event("wubu/security/ACCOUNT_CREATED", Map.of()), Caller.SYSTEM).isEmpty());
    }
}
