package org.wubu.platform.api;

import java.util.Objects;
import java.util.Set;

/**
 * Who is asking for something: a logged-in member of staff, an integration, or the platform itself.
 * Every state-changing service method takes the caller, checks its permission and records it in the
 * audit log.
 *
 * @param username    the stable login name, recorded as the actor in the audit log
 * @param roles       role names (for display and approval chains)
 * @param permissions permission names such as {@code audit.read}, or patterns: {@link #ALL} grants
 *                    everything, {@code catalog.*} every permission of the catalog area, {@code *.read}
 *                    every read permission
 */
public record Caller(String username, Set<String> roles, Set<String> permissions) {

    /** A permission that stands for every permission (the IT administrator's wildcard). */
    public static final String ALL = "*";

    /** The platform acting on its own behalf: schedulers, migrations, demo data. */
    public static final Caller SYSTEM = new Caller("system", Set.of("system"), Set.of(ALL));

    public Caller {
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    public boolean hasPermission(String permission) {
        if (permissions.contains(ALL) || permissions.contains(permission)) {
            return true;
        }
        for (String granted : permissions) {
            if (granted.endsWith(".*") && permission.startsWith(granted.substring(0, granted.length() - 1))) {
                return true;
            }
            if (granted.startsWith("*.") && permission.endsWith(granted.substring(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Throws {@link PermissionDeniedException} unless the caller holds the permission.
     * Services call this first, before validating or touching data.
     */
    public void require(String permission) {
        if (!hasPermission(permission)) {
            throw new PermissionDeniedException(username, permission);
        }
    }
}
