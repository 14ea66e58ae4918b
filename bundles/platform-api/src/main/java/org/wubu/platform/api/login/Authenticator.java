package org.wubu.platform.api.login;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One login for every door: the web console, the REST API and the Karaf shell (through the
 * platform's JAAS realm). Every failure, throttle and lock is audited.
 */
@ProviderType
public interface Authenticator {

    /** @param channel where the attempt comes from ({@code web}, {@code api}, {@code shell}), for the audit log */
    LoginOutcome login(String username, char[] password, String channel);

    /**
     * Login with a personal API token ({@code Authorization: Bearer <token>}). An unknown, revoked
     * or expired token is {@link LoginOutcome.Result#BAD_CREDENTIALS}; a disabled or locked account is
     * refused ({@link LoginOutcome.Result#DISABLED}, {@link LoginOutcome.Result#LOCKED}); success
     * gives the account's current caller. Failures are audited.
     *
     * <p>The default refuses every token, for authenticators that have none.
     *
     * @param channel where the attempt comes from, for the audit log
     */
    default LoginOutcome loginWithToken(String token, String channel) {
        return new LoginOutcome(LoginOutcome.Result.BAD_CREDENTIALS, null, "API tokens are not supported here", null, false, null);
    }
}
