package org.wubu.platform.shell.internal;

import java.security.AccessController;
import javax.security.auth.Subject;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;

/** The person running a shell command, with the same permissions they have on the web. */
final class ShellCaller {

    private ShellCaller() {
    }

    @SuppressWarnings("removal") // Subject.getSubject is how Karaf 4.4 exposes the shell's login on Java 17
    static Caller current(CallerResolver resolver) {
        return resolver.resolve(Subject.getSubject(AccessController.getContext()));
    }
}
