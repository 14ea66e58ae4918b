package org.wubu.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.junit.After;
import org.junit.Test;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.login.LoginOutcome;
import org.wubu.platform.api.login.WebSession;

/** Session timeouts on a clock the test moves. */
public class WebSessionStoreTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T02:00:00Z"));
    private final WebSessionStore store = new WebSessionStore(clock, Duration.ofMinutes(30), Duration.ofHours(12), 3);

    @After
    public void tearDown() {
        store.deactivate();
    }

    private static LoginOutcome ok(String user, boolean mustChange) {
        return new LoginOutcome(LoginOutcome.Result.OK, new Caller(user, Set.of("planner"), Set.of("catalog.read")),
                "welcome", null, mustChange, mustChange ? null : 5L);
    }

    @Test
    public void idsAndTokensAreLongRandomAndNewForEveryLogin() {
        WebSession a = store.create(ok("planner", false));
        WebSession b = store.create(ok("planner", false));
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertNotEquals(a.id(), a.csrfToken());
        assertEquals(32, Base64.getUrlDecoder().decode(a.id()).length);
        assertEquals(32, Base64.getUrlDecoder().decode(a.csrfToken()).length);
        assertEquals("planner", a.caller().username());
        assertEquals(Long.valueOf(5), a.passwordExpiresInDays());
        assertFalse("no secret in toString", a.toString().contains(a.id()) || a.toString().contains(a.csrfToken()));
    }

    @Test
    public void onlySuccessfulLoginsGetASession() {
        assertThrows(IllegalArgumentException.class, () -> store.create(
                new LoginOutcome(LoginOutcome.Result.BAD_CREDENTIALS, null, "wrong", null, false, null)));
        assertThrows(IllegalArgumentException.class, () -> store.create(null));
    }

    @Test
    public void idleTimeoutEndsAQuietSessionAndEveryRequestResetsIt() {
        WebSession s = store.create(ok("planner", false));
        clock.advance(Duration.ofMinutes(29));
        WebSession touched = store.touch(s.id()).orElseThrow();
        assertEquals(clock.instant(), touched.lastSeen());
        clock.advance(Duration.ofMinutes(29));
        assertTrue("29 minutes after the last request", store.touch(s.id()).isPresent());
        clock.advance(Duration.ofMinutes(30));
        assertTrue("30 idle minutes end it", store.touch(s.id()).isEmpty());
        clock.set(clock.instant().minus(Duration.ofMinutes(20)));
        assertTrue("an ended session stays ended", store.touch(s.id()).isEmpty());
    }

    @Test
    public void absoluteTimeoutEndsEvenABusySession() {
        WebSession s = store.create(ok("planner", false));
        for (int i = 0; i < 12 * 3 - 1; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue("busy at " + clock.instant(), store.touch(s.id()).isPresent());
        }
        clock.advance(Duration.ofMinutes(20));
        assertTrue("12 hours after login", store.touch(s.id()).isEmpty());
    }

    @Test
    public void sweepRemovesExpiredSessionsOnly() {
        WebSession old = store.create(ok("planner", false));
        clock.advance(Duration.ofMinutes(20));
        WebSession fresh = store.create(ok("buyer", false));
        clock.advance(Duration.ofMinutes(15));
        assertEquals(1, store.sweep());
        assertEquals(1, store.size());
        assertTrue(store.touch(fresh.id()).isPresent());
        assertTrue(store.touch(old.id()).isEmpty());
    }

    @Test
    public void logoutEndsTheSessionAndUnknownIdsAreEmpty() {
        WebSession s = store.create(ok("planner", false));
        store.end(s.id());
        assertTrue(store.touch(s.id()).isEmpty());
        assertTrue(store.touch("not-a-session").isEmpty());
        assertTrue(store.touch(null).isEmpty());
        assertTrue(store.touch("").isEmpty());
        store.end(null); // harmless
    }

    @Test
    public void anAccountKeepsAtMostMaxSessionsAndLosesTheOldest() {
        WebSession first = store.create(ok("planner", false));
        clock.advance(Duration.ofSeconds(1));
        WebSession second = store.create(ok("planner", false));
        clock.advance(Duration.ofSeconds(1));
        store.create(ok("planner", false));
        WebSession other = store.create(ok("buyer", false));
        clock.advance(Duration.ofSeconds(1));
        store.create(ok("planner", false));
        assertTrue("the oldest is gone", store.touch(first.id()).isEmpty());
        assertTrue(store.touch(second.id()).isPresent());
        assertTrue("other accounts keep theirs", store.touch(other.id()).isPresent());
        assertEquals(4, store.size());
    }

    @Test
    public void endAllAndPasswordChangedWorkPerAccount() {
        WebSession a = store.create(ok("planner", true));
        WebSession b = store.create(ok("planner", true));
        WebSession c = store.create(ok("buyer", true));
        store.passwordChanged("planner");
        assertFalse(store.touch(a.id()).orElseThrow().mustChangePassword());
        assertNull(store.touch(b.id()).orElseThrow().passwordExpiresInDays());
        assertTrue(store.touch(c.id()).orElseThrow().mustChangePassword());
        assertEquals(2, store.endAll("planner"));
        assertTrue(store.touch(a.id()).isEmpty());
        assertTrue(store.touch(b.id()).isEmpty());
        assertTrue(store.touch(c.id()).isPresent());
    }

    /** A clock the test sets. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant i) {
            now = i;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
