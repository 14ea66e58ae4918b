package org.wubu.approvals.shell.internal;

import java.security.AccessController;
import java.util.HashSet;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;

/** The person running a shell command, with the same permissions they have on the web. */
final class ShellCaller {

    private ShellCaller() {
    }

    @SuppressWarnings("removal") // Subject.getSubject is how Karaf 4.4 exposes the shell's login on Java 17
    static Caller current(CallerResolver resolver) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            throw new IllegalStateException("no logged-in user in this shell session");
        }
        String user = null;
        Set<String> roles = new HashSet<>();
        for (var p : subject.getPrincipals()) {
            if (p instanceof UserPrincipal) {
                user = p.getName();
            } else if (p instanceof RolePrincipal) {
                roles.add(p.getName());
            }
        }
        if (user == null) {
            throw new IllegalStateException("the shell session has no user name");
        }
        return resolver.resolve(user, roles);
    }
}
