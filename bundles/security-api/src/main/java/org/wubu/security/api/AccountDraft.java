package org.wubu.security.api;

import java.util.Set;

/** What an IT administrator enters to create an account. */
public record AccountDraft(String username, String displayName, String phone, Set<String> roles, Level level,
                           Set<String> areas) {

    public AccountDraft {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        areas = areas == null ? Set.of() : Set.copyOf(areas);
    }
}
