package org.wubu.security.internal.password;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a password stands against the SEC-3 maximum age.
 *
 * @param state     {@code OK}, {@code WARN} (inside the warning window) or {@code EXPIRED} (must be
 *                  changed before anything else)
 * @param expiresAt when the password expires; {@code null} when expiry is disabled (max age 0)
 * @param daysLeft  whole days until expiry, rounded up (so "1" means "within a day"); 0 once expired;
 *                  {@code -1} when expiry is disabled
 */
public record ExpiryStatus(State state, Instant expiresAt, long daysLeft) {

    public enum State { OK, WARN, EXPIRED }

    static final ExpiryStatus NEVER = new ExpiryStatus(State.OK, null, -1);

    public ExpiryStatus {
        Objects.requireNonNull(state, "state");
    }

    /** Whether the holder has to set a new password before going on. */
    public boolean mustChange() {
        return state == State.EXPIRED;
    }

    /** Whether to show "your password expires in N days". */
    public boolean warn() {
        return state == State.WARN;
    }
}
