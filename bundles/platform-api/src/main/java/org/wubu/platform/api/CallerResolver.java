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
}
