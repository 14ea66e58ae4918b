package org.wubu.platform.internal;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
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
import org.wubu.platform.api.login.WebSession;
import org.wubu.platform.api.login.WebSessions;
import org.wubu.platform.web.Rest;

/**
 * The servlet context of the REST API ({@code /api/*}): every request except the public ones
 * ({@code GET /api/health}, the login {@code POST /api/session}) must authenticate; the caller is
 * then available to servlets through {@link Rest#caller}. Accepted, in this order:
 * <ol>
 *   <li>{@code Authorization: Bearer <token>}: a personal API token (through the {@link Authenticator});</li>
 *   <li>{@code Authorization: Basic}: username and password;</li>
 *   <li>the web session cookie {@link WebSessions#COOKIE}; every unsafe request (POST, PUT, PATCH,
 *       DELETE) made with it must carry {@link WebSessions#CSRF_HEADER} equal to the session's
 *       token, else 403 {@code csrf}. A cookie whose session is over gives 401 {@code session-expired}.</li>
 * </ol>
 * An account that must change its password may use only its own account, the password change and
 * the session, whichever way it logged in.
 *
 * <p>Logins go to the {@link Authenticator} of the staff accounts; while that bundle is not
 * running, Basic logins go to Karaf's JAAS realm ({@code karaf}), whose roles become permissions
 * through the {@link CallerResolver} service, and tokens and web logins are not possible.
 *
 * <p>A 401 carries the {@code WWW-Authenticate: Basic} challenge only for scripts: not for
 * {@code /api/session}, nor for requests that came with the session cookie or from a browser
 * script ({@code Sec-Fetch-Mode} other than {@code navigate}, or {@code X-Requested-With}), so that
 * browsers never pop up their own login dialog over the console.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = Rest.CONTEXT_NAME, path = Rest.CONTEXT_PATH)
public class ApiContext extends ServletContextHelper {

    private static final Logger LOG = LoggerFactory.getLogger(ApiContext.class);
    private static final String REALM = "karaf";
    /** Paths below /api that answer without login: monitoring systems poll health anonymously. */
    private static final Set<String> PUBLIC = Set.of("/health");
    /** The web login: public for POST only (GET and DELETE need the session). */
    static final String SESSION_PATH = "/session";
    /** Paths an account that must change its password may still use. */
    private static final Set<String> PASSWORD_PATHS = Set.of("/security/me", "/security/me/password", SESSION_PATH);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** The staff accounts, once that bundle runs; until then Karaf's own JAAS realm. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    /**
     * Dynamic, so that the staff-account bundle replacing the platform's fallback resolver (or
     * being updated) does not re-create this context and with it every servlet of the API.
     */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CallerResolver callers;

    private final WebSessions sessions;

    @Activate
    public ApiContext(BundleContext context, @Reference WebSessions sessions) {
        super(context.getBundle());
        this.sessions = sessions;
    }

    @Override
    public URL getResource(String name) {
        return null; // the API serves no static files
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathInContext(request);
        if (PUBLIC.contains(path) || (SESSION_PATH.equals(path) && "POST".equalsIgnoreCase(request.getMethod()))) {
            return true;
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(header.substring(7).trim(), path, request, response);
        }
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(header, path, request, response);
        }
        List<String> cookies = SessionCookies.values(request);
        if (!cookies.isEmpty()) {
            return session(cookies, path, request, response);
        }
        return challenge(request, response, "log in first (HTTP Basic, an API token or a session)");
    }

    private boolean bearer(String token, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Authenticator accounts = authenticator;
        if (accounts == null) {
            return challenge(request, response, "API tokens work only while the staff accounts are running; use HTTP Basic");
        }
        if (token.isEmpty()) {
            return challenge(request, response, "the Authorization header has no token after 'Bearer'");
        }
        return outcome(accounts.loginWithToken(token, "api"), path, request, response);
    }

    private boolean basic(String header, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return challenge(request, response, "the Authorization header is not valid Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return challenge(request, response, "the Authorization header is not valid Basic credentials");
        }
        String username = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        Authenticator accounts = authenticator;
        if (accounts == null) {
            Caller caller = login(username, password);
            if (caller == null) {
                return challenge(request, response, "wrong username or password");
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
        return outcome(outcome, path, request, response);
    }

    private boolean outcome(LoginOutcome outcome, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        switch (outcome.result()) {
            case OK:
                break;
            case THROTTLED:
                throttled(response, outcome);
                return false;
            default:
                return challenge(request, response, outcome.message());
        }
        if (outcome.mustChangePassword() && !PASSWORD_PATHS.contains(path)) {
            return passwordChangeRequired(response);
        }
        request.setAttribute(Rest.CALLER, outcome.caller());
        return true;
    }

    private boolean session(List<String> cookies, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        WebSession session = null;
        for (String id : cookies) {
            session = sessions.touch(id).orElse(null);
            if (session != null) {
                break;
            }
        }
        if (session == null) {
            Rest.error(response, HttpServletResponse.SC_UNAUTHORIZED, "session-expired",
                    "your session has ended (logged out, or no request for too long, or open for too long); log in again",
                    Map.of());
            return false;
        }
        if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(java.util.Locale.ROOT))) {
            String sent = request.getHeader(WebSessions.CSRF_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                LOG.info("Refused {} {} of {}: {} header missing or wrong", request.getMethod(), request.getRequestURI(),
                        session.caller().username(), WebSessions.CSRF_HEADER);
                Rest.error(response, HttpServletResponse.SC_FORBIDDEN, "csrf",
                        (sent == null ? "missing " : "wrong ") + WebSessions.CSRF_HEADER + " header: a " + request.getMethod()
                                + " with the session cookie must send the csrfToken from POST or GET " + Rest.CONTEXT_PATH
                                + SESSION_PATH, Map.of());
                return false;
            }
        }
        if (session.mustChangePassword() && !PASSWORD_PATHS.contains(path)) {
            return passwordChangeRequired(response);
        }
        request.setAttribute(Rest.CALLER, session.caller());
        request.setAttribute(SessionCookies.SESSION_ATTRIBUTE, session);
        return true;
    }

    static void throttled(HttpServletResponse response, LoginOutcome outcome) throws IOException {
        if (outcome.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(Math.max(1,
                    java.time.Duration.between(java.time.Instant.now(), outcome.retryAfter()).toSeconds() + 1)));
        }
        Rest.error(response, 429, "throttled", outcome.message(), Map.of());
    }

    private static boolean passwordChangeRequired(HttpServletResponse response) throws IOException {
        Rest.error(response, HttpServletResponse.SC_FORBIDDEN, "password-change-required",
                "change your password first (POST " + Rest.CONTEXT_PATH + "/security/me/password)", Map.of());
        return false;
    }

    static String pathInContext(HttpServletRequest request) {
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

    private static boolean challenge(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        if (wantsBasicChallenge(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Wubu\", charset=\"UTF-8\"");
        }
        Rest.error(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", message, Map.of());
        return false;
    }

    /** Scripts get the Basic challenge; browser scripts and the web login do not (no native login dialog). */
    private static boolean wantsBasicChallenge(HttpServletRequest request) {
        if (SESSION_PATH.equals(pathInContext(request)) || !SessionCookies.values(request).isEmpty()
                || request.getHeader("X-Requested-With") != null) {
            return false;
        }
        String mode = request.getHeader("Sec-Fetch-Mode");
        return mode == null || mode.equalsIgnoreCase("navigate");
    }
}
