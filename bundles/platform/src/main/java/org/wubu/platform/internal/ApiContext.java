package org.wubu.platform.internal;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.login.Authenticator;
import org.wubu.platform.api.login.LoginOutcome;
import org.wubu.platform.web.Rest;

/**
 * The servlet context of the REST API ({@code /api/*}): every request except the public health
 * endpoint must authenticate (HTTP Basic against the platform's JAAS realm); the caller is then
 * available to servlets through {@link Rest#caller}.
 *
 * <p>Logins go to the {@link Authenticator} of the staff accounts; while that bundle is not
 * running, to Karaf's JAAS realm ({@code karaf}), whose roles become permissions through the
 * {@link CallerResolver} service.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = Rest.CONTEXT_NAME, path = Rest.CONTEXT_PATH)
public class ApiContext extends ServletContextHelper {

    private static final Logger LOG = LoggerFactory.getLogger(ApiContext.class);
    private static final String REALM = "karaf";
    /** Paths below /api that answer without login: monitoring systems poll health anonymously. */
    private static final Set<String> PUBLIC = Set.of("/health");
    /** Paths an account that must change its password may still use. */
    private static final Set<String> PASSWORD_PATHS = Set.of("/security/me", "/security/me/password");

    /** The staff accounts, once that bundle runs; until then Karaf's own JAAS realm. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    private final CallerResolver callers;

    @Activate
    public ApiContext(BundleContext context, @Reference(policyOption = ReferencePolicyOption.GREEDY) CallerResolver callers) {
        super(context.getBundle());
        this.callers = callers;
    }

    @Override
    public URL getResource(String name) {
        return null; // the API serves no static files
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathInContext(request);
        if (PUBLIC.contains(path)) {
            return true;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return challenge(response, "log in first (HTTP Basic or a session)");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return challenge(response, "the Authorization header is not valid Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return challenge(response, "the Authorization header is not valid Basic credentials");
        }
        String username = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        Authenticator accounts = authenticator;
        if (accounts == null) {
            Caller caller = login(username, password);
            if (caller == null) {
                return challenge(response, "wrong username or password");
            }
            request.setAttribute(Rest.CALLER, caller);
            return true;
        }
        LoginOutcome outcome;
        try {
            outcome = accounts.login(username, password, "api");
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        switch (outcome.result()) {
            case OK:
                break;
            case THROTTLED:
                if (outcome.retryAfter() != null) {
                    response.setHeader("Retry-After", Long.toString(Math.max(1,
                            java.time.Duration.between(java.time.Instant.now(), outcome.retryAfter()).toSeconds() + 1)));
                }
                Rest.error(response, 429, "throttled", outcome.message(), Map.of());
                return false;
            default:
                return challenge(response, outcome.message());
        }
        if (outcome.mustChangePassword() && !PASSWORD_PATHS.contains(path)) {
            Rest.error(response, HttpServletResponse.SC_FORBIDDEN, "password-change-required",
                    "change your password first (POST " + Rest.CONTEXT_PATH + "/security/me/password)", Map.of());
            return false;
        }
        request.setAttribute(Rest.CALLER, outcome.caller());
        return true;
    }

    private static String pathInContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath();
        String path = uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    /** Login through Karaf's JAAS realm, used while the staff accounts are not running. */
    private Caller login(String username, char[] password) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext login = new LoginContext(REALM, subject, callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback n) {
                        n.setName(username);
                    } else if (cb instanceof PasswordCallback p) {
                        p.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            login.login();
            Set<String> roles = new HashSet<>();
            String name = username;
            for (var p : subject.getPrincipals()) {
                if (p instanceof RolePrincipal) {
                    roles.add(p.getName());
                } else if (p instanceof UserPrincipal) {
                    name = p.getName();
                }
            }
            return callers.resolve(name, roles);
        } catch (LoginException e) {
            LOG.info("Failed API login for '{}': {}", username, e.getMessage());
            return null;
        } finally {
            java.util.Arrays.fill(password, '\0');
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static boolean challenge(HttpServletResponse response, String message) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Wubu\", charset=\"UTF-8\"");
        Rest.error(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", message, Map.of());
        return false;
    }
}
