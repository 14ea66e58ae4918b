package org.wubu.orders.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.wubu.orders.internal.OrdersFixture.AGENT;
import static org.wubu.orders.internal.OrdersFixture.STOREFRONT;
import static org.wubu.orders.internal.OrdersFixture.order;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.notify.Notification;
import org.wubu.roster.api.DutyRoster;
import org.wubu.roster.api.DutyShift;
import org.wubu.roster.api.ServiceHours;
import org.wubu.roster.api.ShiftRequest;

/**
 * Issue 6: an overdue order (and a rejected confirmation) notifies the CS manager on duty by username when the
 * roster names one at that moment, and every CS manager, saying why, when it names nobody or is not running.
 */
public class DutyRecipientsTest {

    private final OrdersFixture f = new OrdersFixture();
    private final WorkflowFixture w = new WorkflowFixture(f);

    @Rule
    public final RuleChain chain = RuleChain.outerRule(f).around(w);

    /** The roster's answer to "who is on duty": fixed per role, and every question remembered. */
    private static final class AnsweringRoster implements DutyRoster {
        final Map<String, Set<String>> onDuty;
        final List<Instant> askedAt = new CopyOnWriteArrayList<>();

        AnsweringRoster(Map<String, Set<String>> onDuty) {
            this.onDuty = onDuty;
        }

        @Override
        public Set<String> onDuty(String role, Instant at) {
            askedAt.add(at);
            if (onDuty == null) {
                throw new IllegalStateException("database unavailable");
            }
            return onDuty.getOrDefault(role, Set.of());
        }

        @Override
        public List<DutyShift> shifts(Caller caller, LocalDate from, LocalDate to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DutyShift assign(Caller caller, ShiftRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(Caller caller, long id, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServiceHours serviceHours() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DutyShift> rotateWeekends(Caller caller, String role, List<String> usernames, LocalDate fromSaturday, int weeks,
                                              LocalTime start, LocalTime end) {
            throw new UnsupportedOperationException();
        }
    }

    private Notification overdueNotice(String sku) {
        f.catalog.listed(sku, "100.00", 10);
        long id = f.orders.place(STOREFRONT, "k-" + sku, order(sku + "@100.00")).order().id();
        f.clock.advance(Duration.ofMinutes(11));
        assertEquals(1, w.confirmationClock.markOverdue());
        assertEquals(1, w.sent.size());
        Notification n = w.sent.get(0);
        assertEquals("order:" + id, n.subject());
        return n;
    }

    @Test
    public void theCsManagerOnDutyIsNotifiedByName() {
        AnsweringRoster roster = new AnsweringRoster(Map.of("cs-manager", Set.of("csmanager"), "cs-agent", Set.of("agent")));
        w.confirmationClock.roster = roster;
        Notification n = overdueNotice("TEA-1");
        assertEquals(Set.of("csmanager"), n.usernames());
        assertEquals(Set.of(), n.roles());
        assertEquals("asked for the moment of the notice", List.of(f.clock.now()), roster.askedAt);
        assertTrue(n.bodyEn(), !n.bodyEn().contains("roster"));
    }

    @Test
    public void nobodyOnDutyNotifiesEveryCsManagerAndSaysSo() {
        w.confirmationClock.roster = new AnsweringRoster(Map.of("cs-agent", Set.of("agent")));
        Notification n = overdueNotice("TEA-1");
        assertEquals(Set.of("cs-manager"), n.roles());
        assertEquals(Set.of(), n.usernames());
        assertTrue(n.bodyEn(), n.bodyEn().contains("No CS manager on duty in the roster: sent to every CS manager."));
        assertTrue(n.bodyZh(), n.bodyZh().contains("值班表中此刻没有客服主管值班"));
    }

    @Test
    public void withoutTheRosterOrWhenItFailsEveryCsManagerIsNotified() {
        Notification absent = overdueNotice("TEA-1");
        assertEquals(Set.of("cs-manager"), absent.roles());
        assertTrue(absent.bodyEn(), absent.bodyEn().contains("The duty roster is not running"));

        w.sent.clear();
        w.confirmationClock.roster = new AnsweringRoster(null);
        Notification failing = overdueNotice("TEA-2");
        assertEquals(Set.of("cs-manager"), failing.roles());
    }

    @Test
    public void aRejectedConfirmationGoesToTheCsManagerOnDuty() {
        w.confirmations.roster = new AnsweringRoster(Map.of("cs-manager", Set.of("csmanager")));
        f.catalog.listed("TEA-1", "100.00", 10);
        long id = f.orders.place(STOREFRONT, "k-rejected", order("TEA-1@100.00")).order().id();
        w.confirmations.confirm(AGENT, id, new Confirmations.Input("phone", "rejected", "客户说没有下单"));
        Notification n = w.sent.get(0);
        assertEquals("orders.confirmation-rejected", n.topic());
        assertEquals(Set.of("csmanager"), n.usernames());
    }
}
