package org.wubu.security.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.wubu.platform.web.Rest;
import org.wubu.security.api.AccountDraft;
import org.wubu.security.api.AccountService;
import org.wubu.security.api.Level;
import org.wubu.security.api.PasswordRejectedException;
import org.wubu.security.api.RoleCatalog;
import org.wubu.security.api.StaffAccount;

/**
 * REST of the staff accounts under {@code /api/security}:
 * {@code GET me}, {@code POST me/password}, {@code GET roles}, {@code GET|POST accounts},
 * {@code POST accounts/{username}/unlock}, {@code POST accounts/{username}/reset-password},
 * {@code POST accounts/{username}/used-by-other}.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + Rest.AUTHENTICATED)
@HttpWhiteboardServletName("wubu-security")
@HttpWhiteboardServletPattern("/security/*")
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class SecurityServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Body of POST me/password. */
    public record PasswordChange(String current, String next) {
    }

    /** Body of POST accounts. */
    public record NewAccount(String username, String displayName, String phone, Set<String> roles, String level,
                             Set<String> areas, String password) {
    }

    /** Body of reset-password and used-by-other. */
    public record AdminAction(String password, String reason) {
    }

    private final transient AccountService accounts;
    private final transient RoleCatalog roles;
    private final transient ShopClock clock;

    @Activate
    public SecurityServlet(@Reference AccountService accounts, @Reference RoleCatalog roles, @Reference ShopClock clock) {
        this.accounts = accounts;
        this.roles = roles;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            String path = path(req);
            if (path.equals("me")) {
                StaffAccount me = accounts.find(caller, caller.username()).orElse(null);
                Map<String, Object> body = me == null ? new LinkedHashMap<>() : account(me);
                body.put("username", caller.username());
                body.put("permissions", new TreeSet<>(caller.permissions()));
                Rest.json(resp, 200, body);
            } else if (path.equals("roles")) {
                Rest.json(resp, 200, Map.of("items", roles.roles()));
            } else if (path.equals("accounts")) {
                List<Map<String, Object>> items = accounts.list(caller).stream().map(this::account).collect(Collectors.toList());
                Rest.json(resp, 200, Map.of("items", items));
            } else if (path.startsWith("accounts/") && path.indexOf('/', 9) < 0) {
                String username = path.substring(9);
                Rest.json(resp, 200, account(accounts.find(caller, username).orElseThrow(() -> new NotFoundException("account", username))));
            } else {
                throw new NotFoundException("security resource", path);
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            String path = path(req);
            try {
                if (path.equals("me/password")) {
                    PasswordChange body = Rest.body(req, PasswordChange.class);
                    accounts.changePassword(caller, chars(body.current()), chars(body.next()));
                    resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
                } else if (path.equals("password-check")) {
                    PasswordChange body = Rest.body(req, PasswordChange.class);
                    Rest.json(resp, 200, Map.of("violations", accounts.checkPassword(caller.username(), chars(body.next()))));
                } else if (path.equals("accounts")) {
                    NewAccount body = Rest.body(req, NewAccount.class);
                    StaffAccount created = accounts.create(caller, new AccountDraft(body.username(), body.displayName(), body.phone(),
                            body.roles(), Rest.requiredEnum(Level.class, "level", body.level()), body.areas()), chars(body.password()));
                    resp.setHeader("Location", req.getContextPath() + "/security/accounts/" + created.username());
                    Rest.json(resp, 201, account(created));
                } else if (path.matches("accounts/[^/]+/unlock")) {
                    accounts.unlock(caller, username(path));
                    resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
                } else if (path.matches("accounts/[^/]+/reset-password")) {
                    accounts.resetPassword(caller, username(path), chars(Rest.body(req, AdminAction.class).password()));
                    resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
                } else if (path.matches("accounts/[^/]+/used-by-other")) {
                    accounts.recordUseByOther(caller, username(path), Rest.body(req, AdminAction.class).reason());
                    resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
                } else {
                    throw new NotFoundException("security resource", path);
                }
            } catch (PasswordRejectedException e) {
                // Every broken rule, in both languages, so that forms can show them next to the field.
                Rest.error(resp, 400, "password-rejected", e.getMessage(), Map.of("violations", e.violations()));
            }
        });
    }

    private static String path(HttpServletRequest req) {
        String p = req.getPathInfo();
        return p == null ? "" : p.replaceAll("^/+|/+$", "");
    }

    private static String username(String path) {
        return path.split("/")[1];
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    private Map<String, Object> account(StaffAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("displayName", a.displayName());
        m.put("phone", a.phone());
        m.put("roles", new TreeSet<>(a.roles()));
        m.put("level", a.level().name().toLowerCase(java.util.Locale.ROOT));
        m.put("areas", new TreeSet<>(a.areas()));
        m.put("status", a.status().name().toLowerCase(java.util.Locale.ROOT));
        m.put("passwordChangedAt", a.passwordChangedAt() == null ? null : a.passwordChangedAt().atZone(clock.zone()).toOffsetDateTime().toString());
        m.put("mustChangePassword", a.mustChangePassword());
        m.put("lockedUntil", a.lockedUntil() == null ? null : a.lockedUntil().atZone(clock.zone()).toOffsetDateTime().toString());
        m.put("version", a.version());
        return m;
    }
}
