package org.wubu.platform.api;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns an authenticated login (its username and roles, from the web login or the Karaf shell)
 * into a {@link Caller} with its permissions. The web API and the shell use the same resolver, so
 * a person has the same rights everywhere. The people-and-roles bundle provides the real mapping
 * (roles to permissions in configuration) with a higher service ranking than the platform's
 * fallback, which grants everything to Karaf's {@code admin} role and nothing to others.
 */
@ProviderType
public interface CallerResolver {

    Caller resolve(String username, Set<String> roles);

    /**
     * The caller of a JAAS subject, such as the Karaf shell's ({@code Subject.getSubject(AccessController.getContext())}):
     * its user principal names the user, its role principals the roles. Principals are recognised
     * by their class names ({@code ...UserPrincipal}, {@code ...RolePrincipal}), so that this API
     * does not depend on Karaf.
     *
     * @throws IllegalStateException when there is no subject or it names no user
     */
    /**
     * The caller of the JAAS login the current thread runs under, e.g. a Karaf shell command's:
     * shell commands call this to act with the permissions their user has on the web.
     */
    @SuppressWarnings("removal") // Subject.getSubject is how Karaf 4.4 exposes the shell's login on Java 17
    default Caller resolveCurrent() {
        return resolve(javax.security.auth.Subject.getSubject(java.security.AccessController.getContext()));
    }

    default Caller resolve(javax.security.auth.Subject subject) {
        if (subject == null) {
            throw new IllegalStateException("no logged-in user in this session");
        }
        String user = null;
        Set<String> roles = new java.util.HashSet<>();
        for (java.security.Principal p : subject.getPrincipals()) {
            String type = p.getClass().getSimpleName();
            if (type.equals("UserPrincipal")) {
                user = p.getName();
            } else if (type.equals("RolePrincipal")) {
                roles.add(p.getName());
            }
        }
        if (user == null) {
            throw new IllegalStateException("the session has no user name");
        }
        return resolve(user, roles);
    }
}
