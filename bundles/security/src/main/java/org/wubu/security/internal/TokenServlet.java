package org.wubu.security.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.web.Rest;
import org.wubu.security.api.ApiToken;
import org.wubu.security.api.NewApiToken;
import org.wubu.security.api.TokenService;

/**
 * Personal API tokens under {@code /api/security}:
 * <ul>
 *   <li>{@code POST me/tokens} {@code {"name","expiresInDays"}} → 201 {@code {"id","name","token","createdAt","expiresAt"}}:
 *       the only answer that contains the token;</li>
 *   <li>{@code GET me/tokens} → {@code {"items":[{"id","name","createdAt","expiresAt","lastUsedAt","revokedAt","status"}]}};</li>
 *   <li>{@code DELETE me/tokens/{id}} → 204, revoked at once;</li>
 *   <li>for IT administrators ({@code security.accounts.manage}): {@code GET tokens?username=} lists anyone's,
 *       {@code DELETE tokens/{id}} (and {@code me/tokens/{id}}) revokes anyone's.</li>
 * </ul>
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + Rest.AUTHENTICATED)
@HttpWhiteboardServletName("wubu-security-tokens")
@HttpWhiteboardServletPattern({"/security/me/tokens", "/security/me/tokens/*", "/security/tokens", "/security/tokens/*"})
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class TokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Body of POST me/tokens. */
    public record NewToken(String name, Integer expiresInDays) {
    }

    private final transient TokenService tokens;
    private final transient ShopClock clock;

    @Activate
    public TokenServlet(@Reference TokenService tokens, @Reference ShopClock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            String path = path(req);
            String username;
            if (path.equals("security/me/tokens")) {
                username = caller.username();
            } else if (path.equals("security/tokens")) {
                username = Rest.param(req, "username");
                if (username == null) {
                    throw new ValidationException("say whose tokens: ?username=", Map.of("username", "missing"));
                }
            } else {
                throw new NotFoundException("security resource", path);
            }
            Instant now = clock.now();
            List<Map<String, Object>> items = tokens.list(caller, username).stream().map(t -> token(t, now))
                    .collect(Collectors.toList());
            Rest.json(resp, 200, Map.of("items", items));
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            String path = path(req);
            if (!path.equals("security/me/tokens")) {
                throw new NotFoundException("security resource", path);
            }
            NewToken body = Rest.body(req, NewToken.class);
            NewApiToken created = tokens.create(caller, body.name(), body.expiresInDays());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", created.token().id());
            m.put("name", created.token().name());
            m.put("token", created.secret());
            m.put("createdAt", time(created.token().createdAt()));
            m.put("expiresAt", time(created.token().expiresAt()));
            resp.setHeader("Location", req.getContextPath() + "/security/me/tokens/" + created.token().id());
            Rest.json(resp, 201, m);
        });
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            String path = path(req);
            String id;
            if (path.startsWith("security/me/tokens/")) {
                id = path.substring("security/me/tokens/".length());
            } else if (path.startsWith("security/tokens/")) {
                id = path.substring("security/tokens/".length());
            } else {
                throw new NotFoundException("security resource", path);
            }
            long n;
            try {
                n = Long.parseLong(id);
            } catch (NumberFormatException e) {
                throw new NotFoundException("API token", id);
            }
            tokens.revoke(caller, n);
            resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
        });
    }

    /** The path below /api without slashes at either end, e.g. {@code security/me/tokens/3}. */
    private static String path(HttpServletRequest req) {
        String p = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        return p.replaceAll("^/+|/+$", "");
    }

    private Map<String, Object> token(ApiToken t, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("createdAt", time(t.createdAt()));
        m.put("expiresAt", time(t.expiresAt()));
        m.put("lastUsedAt", time(t.lastUsedAt()));
        m.put("revokedAt", time(t.revokedAt()));
        m.put("status", t.status(now));
        return m;
    }

    private String time(Instant i) {
        return i == null ? null : i.atZone(clock.zone()).toOffsetDateTime().toString();
    }
}
