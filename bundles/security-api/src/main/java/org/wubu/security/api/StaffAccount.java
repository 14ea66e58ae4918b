package org.wubu.security.api;

import java.time.Instant;
import java.util.Set;

/**
 * A member of staff's account, as other areas may see it (never the password hash).
 *
 * @param areas              the areas an EDITOR may change ({@code catalog}, {@code orders}, ...; {@code *} for all)
 * @param mustChangePassword set after an admin reset or after someone else used the account (SEC-3)
 * @param lockedUntil        end of a lock after failed logins, or null
 * @param version            optimistic-lock version, for edits
 */
public record StaffAccount(String username, String displayName, String phone, Set<String> roles, Level level,
                           Set<String> areas, AccountStatus status, Instant passwordChangedAt,
                           boolean mustChangePassword, Instant lockedUntil, long version) {

    public StaffAccount {
        roles = Set.copyOf(roles);
        areas = Set.copyOf(areas);
    }
}
