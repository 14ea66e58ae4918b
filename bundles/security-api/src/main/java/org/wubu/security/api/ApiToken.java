package org.wubu.security.api;

import java.time.Instant;

/**
 * A personal API token as listed: never its secret (only its SHA-256 hash is stored).
 *
 * @param lastUsedAt last successful login with it, to the minute; null when never used
 * @param revokedAt  null while not revoked
 */
public record ApiToken(long id, String username, String name, Instant createdAt, Instant expiresAt,
                       Instant lastUsedAt, Instant revokedAt) {

    /** {@code active}, {@code expired} or {@code revoked} at the given time. */
    public String status(Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        return now.isBefore(expiresAt) ? "active" : "expired";
    }
}
