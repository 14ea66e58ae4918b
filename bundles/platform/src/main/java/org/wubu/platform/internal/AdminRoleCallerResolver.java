package org.wubu.platform.internal;

import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;

/**
 * The fallback resolver while no staff account bundle is installed: Karaf's {@code admin} role may
 * do everything, any other role nothing. Ranked low so that the real mapping replaces it.
 */
@Component(service = CallerResolver.class, property = "service.ranking:Integer=-100")
public class AdminRoleCallerResolver implements CallerResolver {

    @Override
    public Caller resolve(String username, Set<String> roles) {
        return new Caller(username, roles, roles.contains("admin") ? Set.of(Caller.ALL) : Set.of());
    }
}
