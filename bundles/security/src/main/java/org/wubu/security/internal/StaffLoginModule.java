package org.wubu.security.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.wubu.platform.api.login.Authenticator;
import org.wubu.platform.api.login.LoginOutcome;

/**
 * JAAS login against the staff accounts. Principals: the user, each Wubu role, and Karaf's roles:
 * {@code ssh} and {@code viewer} for everyone, {@code admin}, {@code manager} and
 * {@code systembundles} for IT administrators and dba-level accounts.
 */
public class StaffLoginModule implements LoginModule {

    private Subject subject;
    private CallbackHandler callbacks;
    private BundleContext context;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.context = (BundleContext) options.get(BundleContext.class.getName());
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot read the credentials: " + e.getMessage());
        }
        char[] secret = password.getPassword() == null ? new char[0] : password.getPassword();
        ServiceReference<Authenticator> ref = context.getServiceReference(Authenticator.class);
        Authenticator authenticator = ref == null ? null : context.getService(ref);
        if (authenticator == null) {
            throw new LoginException("staff accounts are not available right now");
        }
        try {
            LoginOutcome outcome = authenticator.login(name.getName(), secret, "shell");
            switch (outcome.result()) {
                case OK:
                    break;
                case LOCKED:
                case DISABLED:
                    throw new AccountLockedException(outcome.message());
                default:
                    throw new FailedLoginException(outcome.message());
            }
            principals.clear();
            principals.add(new UserPrincipal(outcome.caller().username()));
            outcome.caller().roles().forEach(r -> principals.add(new RolePrincipal(r)));
            principals.add(new RolePrincipal("ssh"));
            principals.add(new RolePrincipal("viewer"));
            boolean admin = outcome.caller().roles().contains(org.wubu.security.api.RoleCatalog.IT_ADMIN)
                    || outcome.caller().hasPermission("backup.manage");
            if (admin) {
                principals.add(new RolePrincipal("admin"));
                principals.add(new RolePrincipal("manager"));
                principals.add(new RolePrincipal("systembundles"));
            }
            return true;
        } finally {
            Arrays.fill(secret, '\0');
            password.clearPassword();
            context.ungetService(ref);
        }
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
