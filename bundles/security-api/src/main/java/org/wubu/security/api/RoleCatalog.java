package org.wubu.security.api;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The built-in roles and the permissions they grant (configured in etc/org.wubu.security.roles.cfg),
 * and how a level and a scope cap them.
 */
@ProviderType
public interface RoleCatalog {

    /** Role names of the department, as used in accounts and approval chains. */
    String GM = "gm";
    String MARKETING_DIRECTOR = "marketing-director";
    String DEPARTMENT_LEAD = "department-lead";
    String PLANNER = "planner";
    String DESIGNER = "designer";
    String CONTENT_SPECIALIST = "content-specialist";
    String CS_AGENT = "cs-agent";
    String CS_MANAGER = "cs-manager";
    String DELIVERY = "delivery";
    String IT_ADMIN = "it-admin";
    String PROCUREMENT = "procurement";
    String COMMERCIAL_HEAD = "commercial-head";
    String ENGINEERING_LEAD = "engineering-lead";
    String EXECUTIVE_DIRECTOR = "executive-director";
    String FINANCE = "finance";
    String WAREHOUSE = "warehouse";

    List<RoleDefinition> roles();

    /**
     * The effective permissions of an account: what its roles grant, capped by its level (a reader
     * keeps only {@code *.read}; an editor keeps changes only in its areas; a dba also gets backups).
     */
    Set<String> permissions(Set<String> roles, Level level, Set<String> areas);
}
