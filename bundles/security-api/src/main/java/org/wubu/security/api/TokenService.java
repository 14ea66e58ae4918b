package org.wubu.security.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;

/**
 * Personal API tokens for scripts and integrations ({@code Authorization: Bearer <token>}): each
 * account creates, lists and revokes its own; an IT administrator ({@link AccountService#MANAGE})
 * may list and revoke anyone's (e.g. when someone leaves). A token acts with its account's current
 * permissions. Only a SHA-256 hash of the token is stored. Creation and revocation are audited.
 */
@ProviderType
public interface TokenService {

    /** Days a token lives when no expiry is given. */
    int DEFAULT_EXPIRY_DAYS = 90;
    /** The longest a token may live. */
    int MAX_EXPIRY_DAYS = 365;
    /** Tokens one account may have that are neither revoked nor expired. */
    int MAX_ACTIVE = 20;

    /**
     * Creates a token for the caller's own account.
     *
     * @param name          what the token is for, 1-100 characters
     * @param expiresInDays 1 to {@link #MAX_EXPIRY_DAYS}; null for {@link #DEFAULT_EXPIRY_DAYS}
     */
    NewApiToken create(Caller caller, String name, Integer expiresInDays);

    /** The account's tokens, newest first, without secrets: the caller's own, or any with {@link AccountService#MANAGE}. */
    List<ApiToken> list(Caller caller, String username);

    /**
     * Revokes a token at once: its owner, or an IT administrator. Revoking a revoked token changes
     * nothing. A token the caller may not revoke is reported as not found.
     */
    ApiToken revoke(Caller caller, long id);
}
