package org.wubu.platform.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.login.Authenticator;
import org.wubu.platform.api.login.LoginOutcome;
import org.wubu.platform.api.login.WebSession;
import org.wubu.platform.api.login.WebSessions;
import org.wubu.platform.web.Rest;

/**
 * The web login, {@code /api/session}:
 * <ul>
 *   <li>{@code POST} {@code {"username","password"}} (no prior login; JSON only) → 200 with the
 *       session (below) and a new {@code WUBU_SESSION} cookie, always with a new id; 401 wrong
 *       credentials, locked or disabled; 429 with {@code Retry-After} while throttled; 503 when the
 *       staff accounts are not running;</li>
 *   <li>{@code GET} → 200 the session of the cookie; 401 {@code session-expired} or {@code unauthenticated};</li>
 *   <li>{@code DELETE} (with the CSRF header) → 204, the session ends and the cookie is cleared.</li>
 * </ul>
 * The session answer: {@code {"username","roles","permissions","mustChangePassword","passwordExpiresInDays","csrfToken"}}.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + Rest.PUBLIC)
@HttpWhiteboardServletName("wubu-session")
@HttpWhiteboardServletPattern(ApiContext.SESSION_PATH)
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class SessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Body of POST. */
    public record Credentials(String username, String password) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Authenticator authenticator;

    private final transient WebSessions sessions;

    @Activate
    public SessionServlet(@Reference WebSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            // JSON only: a cross-site HTML form cannot send it, so no one can log a victim's browser
            // into another account (login CSRF).
            String type = req.getContentType();
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                Rest.error(resp, 415, "unsupported-media-type", "send the login as JSON (Content-Type: application/json)", Map.of());
                return;
            }
            Credentials body = Rest.body(req, Credentials.class);
            Map<String, Object> missing = new LinkedHashMap<>();
            if (body.username() == null || body.username().isBlank()) {
                missing.put("username", "required");
            }
            if (body.password() == null || body.password().isEmpty()) {
                missing.put("password", "required");
            }
            if (!missing.isEmpty()) {
                throw new ValidationException("username and password are required", missing);
            }
            Authenticator accounts = authenticator;
            if (accounts == null) {
                Rest.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "accounts-not-running",
                        "accounts not running: the web login needs the staff accounts module; try again in a moment", Map.of());
                return;
            }
            char[] password = body.password().toCharArray();
            LoginOutcome outcome;
            try {
                outcome = accounts.login(body.username(), password, "web");
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            switch (outcome.result()) {
                case OK:
                    break;
                case THROTTLED:
                    ApiContext.throttled(resp, outcome);
                    return;
                default:
                    Rest.error(resp, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", outcome.message(), Map.of());
                    return;
            }
            // Session fixation: whatever the browser came with is ended; the login gets a new id.
            SessionCookies.values(req).forEach(sessions::end);
            WebSession session = sessions.create(outcome);
            SessionCookies.set(req, resp, session.id());
            Rest.json(resp, HttpServletResponse.SC_OK, body(session));
        });
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            if (req.getAttribute(SessionCookies.SESSION_ATTRIBUTE) instanceof WebSession session) {
                Rest.json(resp, HttpServletResponse.SC_OK, body(session));
            } else {
                Rest.error(resp, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated",
                        "no web session: this request was not made with the session cookie (log in with POST "
                                + Rest.CONTEXT_PATH + ApiContext.SESSION_PATH + ")", Map.of());
            }
        });
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            if (req.getAttribute(SessionCookies.SESSION_ATTRIBUTE) instanceof WebSession session) {
                sessions.end(session.id());
            }
            SessionCookies.clear(req, resp);
            resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
        });
    }

    private static Map<String, Object> body(WebSession s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", s.caller().username());
        m.put("roles", new TreeSet<>(s.caller().roles()));
        m.put("permissions", new TreeSet<>(s.caller().permissions()));
        m.put("mustChangePassword", s.mustChangePassword());
        m.put("passwordExpiresInDays", s.passwordExpiresInDays());
        m.put("csrfToken", s.csrfToken());
        return m;
    }
}
