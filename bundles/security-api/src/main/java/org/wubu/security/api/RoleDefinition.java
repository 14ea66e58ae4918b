package org.wubu.security.api;

import java.util.Set;

/** A role of the department (REQUIREMENTS "Roles") with its names and the permissions it grants. */
public record RoleDefinition(String name, String english, String chinese, Set<String> permissions) {

    public RoleDefinition {
        permissions = Set.copyOf(permissions);
    }
}
