package org.wubu.platform.api.login;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's web sessions, kept in memory by the platform bundle (a restart logs everyone out).
 * Every servlet context of the server shares them through the cookie {@link #COOKIE}
 * ({@code Path=/; HttpOnly; SameSite=Strict}, plus {@code Secure} over HTTPS), which
 * {@code POST /api/session} sets and {@code DELETE /api/session} clears.
 *
 * <p>A session ends after an idle timeout (default 30 minutes without a request) and an absolute
 * timeout (default 12 hours after login), both set in {@code etc/org.wubu.sessions.cfg}
 * ({@code idleMinutes}, {@code absoluteHours}, {@code maxPerUser}). One account keeps at most
 * {@code maxPerUser} sessions (default 20): a further login ends its oldest.
 *
 * <p>A servlet context that accepts the cookie must also check, for every unsafe request (POST,
 * PUT, PATCH, DELETE), that the header {@link #CSRF_HEADER} equals {@link WebSession#csrfToken()}
 * (compare in constant time, e.g. {@code MessageDigest.isEqual}).
 */
@ProviderType
public interface WebSessions {

    /** Name of the session cookie. */
    String COOKIE = "WUBU_SESSION";
    /** Request header that carries the session's CSRF token on unsafe requests. */
    String CSRF_HEADER = "X-CSRF-Token";

    /**
     * Starts a session for a successful login, always with a new id and a new CSRF token.
     *
     * @throws IllegalArgumentException when the outcome is not {@link LoginOutcome.Result#OK}
     */
    WebSession create(LoginOutcome ok);

    /**
     * The live session with this id, now marked as seen; empty when the id is unknown, ended, or
     * the session has passed its idle or absolute timeout (it is then ended).
     */
    Optional<WebSession> touch(String sessionId);

    /** Ends a session (logout); nothing happens when it does not exist. */
    void end(String sessionId);

    /**
     * Ends every session of an account (password reset by an administrator, account used by someone
     * else, account disabled).
     *
     * @return how many sessions were ended
     */
    int endAll(String username);

    /**
     * The account's password was changed by its owner: its sessions no longer require a change and
     * no longer warn about expiry.
     */
    void passwordChanged(String username);
}
