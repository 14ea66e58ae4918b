package org.wubu.security.internal.password;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Test;
import org.wubu.security.internal.password.LoginThrottle.Block;
import org.wubu.security.internal.password.LoginThrottle.Decision;
import org.wubu.security.internal.password.LoginThrottle.Outcome;
import org.wubu.security.internal.password.LoginThrottle.Result;
import org.wubu.security.internal.password.LoginThrottle.Snapshot;

public class LoginThrottleTest {

    private static final Instant START = Instant.parse("2026-03-01T01:00:00Z");

    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final MovingClock clock = new MovingClock(START);
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    public void unknownAccountIsAllowed() {
        Decision d = new LoginThrottle(Clock.fixed(START, ZoneOffset.UTC)).check("alice");
        assertTrue(d.allowed());
        assertNull(d.reason());
        assertNull(d.until());
        assertEquals(Duration.ZERO, d.retryAfter(START));
    }

    @Test
    public void fourFailuresAreCountedButNotThrottled() {
        for (int i = 1; i <= 4; i++) {
            Result r = throttle.recordFailure("alice");
            assertEquals(Outcome.FAILED, r.outcome());
            assertEquals(i, r.failures());
            assertNull(r.until());
            assertTrue(throttle.check("alice").allowed());
        }
    }

    @Test
    public void fifthFailureThrottlesWithGrowingDelays() {
        fail("alice", 4);
        long[] expectedSeconds = {1, 2, 4, 8, 16};
        for (int i = 0; i < expectedSeconds.length; i++) {
            Duration delay = Duration.ofSeconds(expectedSeconds[i]);
            Result r = throttle.recordFailure("alice");
            assertEquals(Outcome.THROTTLED, r.outcome());
            assertEquals(5 + i, r.failures());
            assertEquals(clock.instant().plus(delay), r.until());

            Decision d = throttle.check("alice");
            assertFalse(d.allowed());
            assertEquals(Block.THROTTLED, d.reason());
            assertEquals(r.until(), d.until());
            assertEquals(delay, d.retryAfter(clock.instant()));

            clock.advance(delay.minusMillis(1));
            assertFalse("still waiting", throttle.check("alice").allowed());
            clock.advance(Duration.ofMillis(1));
            assertTrue("delay over", throttle.check("alice").allowed());
        }
    }

    @Test
    public void tenthFailureLocksForFifteenMinutesThenTheLockExpires() {
        fail("alice", 9);
        Result r = throttle.recordFailure("alice");
        assertEquals(Outcome.LOCKED, r.outcome());
        assertEquals(10, r.failures());
        Instant lockedUntil = clock.instant().plus(Duration.ofMinutes(15));
        assertEquals(lockedUntil, r.until());

        Decision d = throttle.check("alice");
        assertFalse(d.allowed());
        assertEquals(Block.LOCKED, d.reason());
        assertEquals(lockedUntil, d.until());
        assertEquals(Duration.ofMinutes(15), d.retryAfter(clock.instant()));

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertEquals(Block.LOCKED, throttle.check("alice").reason());
        clock.advance(Duration.ofSeconds(1));
        assertTrue("lock expired", throttle.check("alice").allowed());
    }

    @Test
    public void aFailureAfterTheLockLocksAgainAtOnce() {
        fail("alice", 10);
        clock.advance(Duration.ofMinutes(15));
        assertTrue(throttle.check("alice").allowed());
        Result r = throttle.recordFailure("alice");
        assertEquals(Outcome.LOCKED, r.outcome());
        assertEquals(11, r.failures());
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), r.until());
        assertEquals(Block.LOCKED, throttle.check("alice").reason());
    }

    @Test
    public void successResetsTheAccount() {
        fail("alice", 7);
        clock.advance(Duration.ofMinutes(1));
        Result r = throttle.recordSuccess("alice");
        assertEquals(Outcome.RESET, r.outcome());
        assertEquals("failures before the reset, for the audit", 7, r.failures());
        assertEquals(Snapshot.CLEAN, throttle.snapshot("alice"));
        for (int i = 0; i < 4; i++) {
            assertEquals(Outcome.FAILED, throttle.recordFailure("alice").outcome());
        }
        assertEquals(Outcome.THROTTLED, throttle.recordFailure("alice").outcome());
        assertEquals(0, new LoginThrottle(clock).recordSuccess("nobody").failures());
    }

    @Test
    public void successAfterTheLockExpiredResetsToo() {
        fail("alice", 10);
        clock.advance(Duration.ofMinutes(16));
        assertTrue(throttle.check("alice").allowed());
        assertEquals(10, throttle.recordSuccess("alice").failures());
        assertEquals(Outcome.FAILED, throttle.recordFailure("alice").outcome());
    }

    @Test
    public void accountsAreIndependentAndNamesIgnoreCaseAndSpaces() {
        fail("Alice", 10);
        assertEquals(Block.LOCKED, throttle.check(" alice ").reason());
        assertEquals(Block.LOCKED, throttle.check("ALICE").reason());
        assertTrue(throttle.check("bob").allowed());
        assertEquals(Outcome.FAILED, throttle.recordFailure("bob").outcome());
    }

    @Test
    public void delayIsCapped() {
        LoginThrottle t = new LoginThrottle(clock, 2, Duration.ofSeconds(1), Duration.ofSeconds(5), 100, Duration.ofMinutes(15));
        assertEquals(Outcome.FAILED, t.recordFailure("alice").outcome());
        long[] expectedSeconds = {1, 2, 4, 5, 5, 5};
        for (long seconds : expectedSeconds) {
            Result r = t.recordFailure("alice");
            assertEquals(Outcome.THROTTLED, r.outcome());
            assertEquals(clock.instant().plusSeconds(seconds), r.until());
            clock.advance(Duration.ofSeconds(seconds));
        }
        assertEquals(Duration.ofSeconds(5), t.delay(Integer.MAX_VALUE));
        assertEquals(Duration.ofSeconds(60), throttle.delay(Integer.MAX_VALUE));
    }

    @Test
    public void lockWithoutThrottlingPhase() {
        LoginThrottle t = new LoginThrottle(clock, 3, Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofMinutes(5));
        fail(t, "alice", 2);
        Result r = t.recordFailure("alice");
        assertEquals(Outcome.LOCKED, r.outcome());
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), r.until());
    }

    @Test
    public void snapshotAndRestoreCarryTheCountersAcrossARestart() {
        fail("alice", 10);
        Instant lockedUntil = clock.instant().plus(Duration.ofMinutes(15));
        Snapshot saved = throttle.snapshot("alice");
        assertEquals(new Snapshot(10, lockedUntil), saved);

        LoginThrottle restarted = new LoginThrottle(clock);
        restarted.restore("alice", saved);
        assertEquals(saved, restarted.snapshot("alice"));
        Decision d = restarted.check("alice");
        assertEquals(Block.LOCKED, d.reason());
        assertEquals(lockedUntil, d.until());

        restarted.restore("alice", Snapshot.CLEAN);
        assertTrue(restarted.check("alice").allowed());
        assertEquals(Snapshot.CLEAN, restarted.snapshot("alice"));
    }

    @Test
    public void restoredFailuresContinueTheSequence() {
        LoginThrottle restarted = new LoginThrottle(clock);
        restarted.restore("alice", new Snapshot(7, null));
        assertTrue("the short throttling delay is not persisted", restarted.check("alice").allowed());
        Result r = restarted.recordFailure("alice");
        assertEquals(Outcome.THROTTLED, r.outcome());
        assertEquals(8, r.failures());
        assertEquals(clock.instant().plusSeconds(8), r.until());
    }

    @Test
    public void snapshotOfAThrottledAccountHasNoLock() {
        fail("alice", 6);
        assertEquals(new Snapshot(6, null), throttle.snapshot("alice"));
        assertEquals(Snapshot.CLEAN, throttle.snapshot("bob"));
        assertThrows(IllegalArgumentException.class, () -> new Snapshot(-1, null));
    }

    @Test
    public void resetUnlocks() {
        fail("alice", 10);
        throttle.reset("alice");
        assertTrue(throttle.check("alice").allowed());
        assertEquals(Snapshot.CLEAN, throttle.snapshot("alice"));
    }

    @Test
    public void invalidConfigurationIsRefused() {
        Duration s = Duration.ofSeconds(1);
        Duration m = Duration.ofMinutes(15);
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(clock, 0, s, s, 10, m));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(clock, 5, s, s, 4, m));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(clock, 5, Duration.ZERO, s, 10, m));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(clock, 5, s.multipliedBy(2), s, 10, m));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(clock, 5, s, s, 10, Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> new LoginThrottle(null));
        assertThrows(NullPointerException.class, () -> throttle.check(null));
    }

    @Test
    public void concurrentFailuresAreAllCounted() throws Exception {
        LoginThrottle t = new LoginThrottle(clock, 5, Duration.ofSeconds(1), Duration.ofSeconds(60), Integer.MAX_VALUE,
                Duration.ofMinutes(15));
        int threads = 8;
        int perThread = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int j = 0; j < perThread; j++) {
                        t.recordFailure("alice");
                        t.check("alice");
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, t.snapshot("alice").failures());
    }

    private void fail(String user, int times) {
        fail(throttle, user, times);
    }

    private static void fail(LoginThrottle t, String user, int times) {
        for (int i = 0; i < times; i++) {
            t.recordFailure(user);
        }
    }
}
