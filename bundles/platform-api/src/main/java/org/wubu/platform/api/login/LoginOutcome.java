package org.wubu.platform.api.login;

import java.time.Instant;
import org.wubu.platform.api.Caller;

/**
 * The answer to a login attempt. Only {@link Result#OK} carries a caller. Messages never say
 * whether the username exists.
 *
 * @param retryAfter          when a THROTTLED or LOCKED account may try again
 * @param mustChangePassword  the password must be changed before anything else (reset, shared use, expired)
 * @param passwordExpiresInDays days left before the password expires, when within the warning period; else null
 */
public record LoginOutcome(Result result, Caller caller, String message, Instant retryAfter,
                           boolean mustChangePassword, Long passwordExpiresInDays) {

    public enum Result { OK, BAD_CREDENTIALS, THROTTLED, LOCKED, DISABLED }

    public boolean ok() {
        return result == Result.OK;
    }
}
