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
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.web.Rest;

/**
 * The servlet context of the REST API ({@code /api/*}): every request except the public health
 * endpoint must authenticate (HTTP Basic against the platform's JAAS realm); the caller is then
 * available to servlets through {@link Rest#caller}.
 *
 * <p>Until the staff accounts of the people issue exist, the realm is Karaf's ({@code karaf}); roles
 * become permissions through the {@link CallerResolver} service.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = Rest.CONTEXT_NAME, path = Rest.CONTEXT_PATH)
public class ApiContext extends ServletContextHelper {

    private static final Logger LOG = LoggerFactory.getLogger(ApiContext.class);
    private static final String REALM = "karaf";
    /** Paths below /api that answer without login: monitoring systems poll health anonymously. */
    private static final Set<String> PUBLIC = Set.of("/health");

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
        Caller caller = login(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
        if (caller == null) {
            return challenge(response, "wrong username or password");
        }
        request.setAttribute(Rest.CALLER, caller);
        return true;
    }

    private static String pathInContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath();
        String path = uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

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
