package org.wubu.platform.api.login;

import java.time.Instant;
import java.util.Objects;
import org.wubu.platform.api.Caller;

/**
 * A web login of the platform's own (not the servlet container's), shared by every servlet context
 * of the server ({@code /api}, {@code /console}) through the {@link WebSessions} service.
 *
 * <p>The {@link #caller()} is a snapshot taken at login: changes to the account's roles, level or
 * areas apply at its next login. An administrator's password reset or "used by someone else" ends
 * the account's sessions at once.
 *
 * @param id                    the session id, the value of the {@link WebSessions#COOKIE} cookie
 *                              (32 random bytes, base64url); a secret, never log it
 * @param caller                who logged in, with the permissions they had at login
 * @param csrfToken             every unsafe request (POST, PUT, PATCH, DELETE) made with the cookie must
 *                              send it in the {@link WebSessions#CSRF_HEADER} header (32 random bytes, base64url)
 * @param createdAt             the login; the session ends at the absolute timeout after it
 * @param lastSeen              the last request; the session ends at the idle timeout after it
 * @param mustChangePassword    only the own account and the password change may be used until changed
 * @param passwordExpiresInDays days left before the password expires when within the warning period, else null
 */
public record WebSession(String id, Caller caller, String csrfToken, Instant createdAt, Instant lastSeen,
                         boolean mustChangePassword, Long passwordExpiresInDays) {

    public WebSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** This session as last seen at {@code time}. */
    public WebSession seenAt(Instant time) {
        return new WebSession(id, caller, csrfToken, createdAt, time, mustChangePassword, passwordExpiresInDays);
    }

    /** Ids and CSRF tokens are secrets: never printed. */
    @Override
    public String toString() {
        return "WebSession[user=" + caller.username() + ", createdAt=" + createdAt + ", lastSeen=" + lastSeen
                + ", mustChangePassword=" + mustChangePassword + "]";
    }
}
