package org.wubu.security.internal.password;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing per account (SEC-3): after {@code throttleAfter} consecutive
 * failures (default 5) every further attempt must wait a growing delay (1 s, 2 s, 4 s, ... up to
 * {@code maxDelay}); the {@code lockAfter}-th failure (default 10) locks the account for
 * {@code lockDuration} (default 15 minutes). A successful login resets the account.
 *
 * <p>A pure state machine over an injected {@link Clock}; the caller does the rest:
 * <pre>
 *   Decision d = throttle.check(username);
 *   if (!d.allowed()) refuse without checking the password (audit d.reason());
 *   else if (hasher.verify(..)) throttle.recordSuccess(username);
 *   else { Result r = throttle.recordFailure(username); audit r.outcome() if THROTTLED or LOCKED; }
 * </pre>
 *
 * <p>Failures are not forgotten when a lock runs out: the next failure locks the account again at
 * once, so a guesser gets one try per lock period instead of a fresh series of ten. Only a success
 * (or {@link #reset}, an administrator's unlock) clears the count.
 *
 * <p>State is in memory, one small entry per account with failures; {@link #snapshot} and
 * {@link #restore} let the integrator persist it. Because entries are only removed by success or
 * reset, feed it known accounts only (map unknown usernames to one shared key), or a flood of
 * invented names would fill the map. Usernames are compared ignoring case and surrounding spaces.
 * Thread-safe: each account's entry is an immutable value replaced atomically.
 */
public final class LoginThrottle {

    /** Why an attempt is not allowed now. */
    public enum Block { THROTTLED, LOCKED }

    /** What recording an attempt did to the account. */
    public enum Outcome {
        /** Success: the failure count is back to zero. */
        RESET,
        /** A failure below the throttling threshold. */
        FAILED,
        /** A failure that makes the next attempt wait ({@link Result#until()}). */
        THROTTLED,
        /** A failure that locked the account until {@link Result#until()}. */
        LOCKED
    }

    /**
     * The answer to "may this account try to log in now?".
     *
     * @param allowed whether to check the password at all
     * @param reason  null when allowed
     * @param until   when the next attempt will be allowed; null when allowed
     */
    public record Decision(boolean allowed, Block reason, Instant until) {
        static final Decision ALLOWED = new Decision(true, null, null);

        /** How long until the next attempt is allowed (zero when allowed), e.g. for a Retry-After header. */
        public Duration retryAfter(Instant now) {
            return until == null || !until.isAfter(now) ? Duration.ZERO : Duration.between(now, until);
        }
    }

    /**
     * What {@link #recordFailure} or {@link #recordSuccess} did.
     *
     * @param outcome  see {@link Outcome}
     * @param failures consecutive failures now; for {@link Outcome#RESET} the count before the reset
     * @param until    when the account may try again (THROTTLED, LOCKED); null otherwise
     */
    public record Result(Outcome outcome, int failures, Instant until) {
    }

    /**
     * One account's persistent counters.
     *
     * @param failures    consecutive failures
     * @param lockedUntil end of the current or last lock; null if never locked since the last success
     */
    public record Snapshot(int failures, Instant lockedUntil) {
        public static final Snapshot CLEAN = new Snapshot(0, null);

        public Snapshot {
            if (failures < 0) {
                throw new IllegalArgumentException("failures must not be negative, got " + failures);
            }
        }
    }

    /** One account's state. The throttling delay is not part of the snapshot: it lasts seconds at most. */
    private record State(int failures, Instant throttledUntil, Instant lockedUntil) {
    }

    public static final int DEFAULT_THROTTLE_AFTER = 5;
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(60);
    public static final int DEFAULT_LOCK_AFTER = 10;
    public static final Duration DEFAULT_LOCK_DURATION = Duration.ofMinutes(15);

    private final Clock clock;
    private final int throttleAfter;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final int lockAfter;
    private final Duration lockDuration;
    private final ConcurrentHashMap<String, State> accounts = new ConcurrentHashMap<>();

    /** With the SEC-3 defaults: throttle from the 5th failure (1 s, doubling, at most 60 s), lock 15 min at the 10th. */
    public LoginThrottle(Clock clock) {
        this(clock, DEFAULT_THROTTLE_AFTER, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY, DEFAULT_LOCK_AFTER, DEFAULT_LOCK_DURATION);
    }

    /**
     * @param throttleAfter the failure from which attempts are delayed (1 or more)
     * @param baseDelay     the delay after that failure, doubled with each further one
     * @param maxDelay      the longest delay
     * @param lockAfter     the failure that locks the account (not below {@code throttleAfter})
     * @param lockDuration  how long a lock lasts
     */
    public LoginThrottle(Clock clock, int throttleAfter, Duration baseDelay, Duration maxDelay, int lockAfter,
                         Duration lockDuration) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (throttleAfter < 1) {
            throw new IllegalArgumentException("throttleAfter must be at least 1, got " + throttleAfter);
        }
        if (lockAfter < throttleAfter) {
            throw new IllegalArgumentException("lockAfter (" + lockAfter + ") must not be below throttleAfter (" + throttleAfter + ")");
        }
        if (!isPositive(baseDelay) || !isPositive(maxDelay) || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("Delays must be positive with maxDelay >= baseDelay, got " + baseDelay + " and " + maxDelay);
        }
        if (!isPositive(lockDuration)) {
            throw new IllegalArgumentException("lockDuration must be positive, got " + lockDuration);
        }
        this.throttleAfter = throttleAfter;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.lockAfter = lockAfter;
        this.lockDuration = lockDuration;
    }

    /** Whether the account may attempt a login now; if not, why and until when. */
    public Decision check(String username) {
        State state = accounts.get(key(username));
        if (state == null) {
            return Decision.ALLOWED;
        }
        Instant now = clock.instant();
        if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
            return new Decision(false, Block.LOCKED, state.lockedUntil());
        }
        if (state.throttledUntil() != null && now.isBefore(state.throttledUntil())) {
            return new Decision(false, Block.THROTTLED, state.throttledUntil());
        }
        return Decision.ALLOWED;
    }

    /** Counts a wrong password (or unknown account mapped to a key) and says what that did. */
    public Result recordFailure(String username) {
        Instant now = clock.instant();
        State state = accounts.compute(key(username), (k, old) -> {
            int failures = old == null ? 1 : saturatingIncrement(old.failures());
            Instant lockedUntil = old == null ? null : old.lockedUntil();
            Instant throttledUntil = null;
            if (failures >= lockAfter) {
                lockedUntil = now.plus(lockDuration);
            } else if (failures >= throttleAfter) {
                throttledUntil = now.plus(delay(failures));
            }
            return new State(failures, throttledUntil, lockedUntil);
        });
        if (state.failures() >= lockAfter) {
            return new Result(Outcome.LOCKED, state.failures(), state.lockedUntil());
        }
        if (state.failures() >= throttleAfter) {
            return new Result(Outcome.THROTTLED, state.failures(), state.throttledUntil());
        }
        return new Result(Outcome.FAILED, state.failures(), null);
    }

    /** A correct password: forgets the account's failures. Call only after {@link #check} allowed the attempt. */
    public Result recordSuccess(String username) {
        State old = accounts.remove(key(username));
        return new Result(Outcome.RESET, old == null ? 0 : old.failures(), null);
    }

    /** An administrator's unlock: clears failures and any lock. */
    public void reset(String username) {
        accounts.remove(key(username));
    }

    /** The account's counters, to persist ({@link Snapshot#CLEAN} when it has none). */
    public Snapshot snapshot(String username) {
        State state = accounts.get(key(username));
        return state == null ? Snapshot.CLEAN : new Snapshot(state.failures(), state.lockedUntil());
    }

    /** Puts persisted counters back, e.g. at start-up; a clean snapshot removes the entry. */
    public void restore(String username, Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (snapshot.failures() == 0 && snapshot.lockedUntil() == null) {
            accounts.remove(key(username));
        } else {
            accounts.put(key(username), new State(snapshot.failures(), null, snapshot.lockedUntil()));
        }
    }

    /** The wait after the given failure: baseDelay doubled for each failure past throttleAfter, capped. */
    Duration delay(int failures) {
        Duration delay = baseDelay;
        for (int i = throttleAfter; i < failures && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static String key(String username) {
        return Objects.requireNonNull(username, "username").strip().toLowerCase(Locale.ROOT);
    }

    private static int saturatingIncrement(int n) {
        return n == Integer.MAX_VALUE ? n : n + 1;
    }

    private static boolean isPositive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }
}
