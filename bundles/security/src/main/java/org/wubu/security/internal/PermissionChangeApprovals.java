package org.wubu.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wubu.approvals.api.ApprovalDecision;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.approvals.api.ApprovalKind;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalStep;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ValidationException;
import org.wubu.security.api.AccountService;
import org.wubu.security.api.Level;
import org.wubu.security.api.RoleCatalog;
import org.wubu.security.api.StaffAccount;

/**
 * Permission changes as approval requests (SEC-2): a change of an account's level, roles or scope
 * is requested, approved by the marketing director and the IT administrator, and special
 * permissions also by the GM; the last approval carries it out through
 * {@link AccountService#changeAccess}, which writes the grant log.
 *
 * <p>Payload: {@code {"username":"agent","roles":["cs-agent"],"level":"editor","areas":["orders","cs"],"reason":"..."}}.
 */
abstract class PermissionChangeApprovals implements ApprovalHandler {

    static final String KIND = "security.permission-change";
    static final String SPECIAL_KIND = "security.special-permission-change";

    /** Roles and the level that count as special permissions: only with the GM's approval too. */
    static final Set<String> SPECIAL_ROLES = Set.of(RoleCatalog.GM, RoleCatalog.IT_ADMIN, RoleCatalog.FINANCE,
            RoleCatalog.EXECUTIVE_DIRECTOR);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The payload of a request. */
    record Change(String username, Set<String> roles, String level, Set<String> areas, String reason) {
    }

    private final AccountService accounts;
    private final ApprovalKind kind;

    PermissionChangeApprovals(AccountService accounts, boolean special) {
        this.accounts = accounts;
        List<ApprovalStep> chain = special
                ? List.of(director(), it(), ApprovalStep.role(RoleCatalog.GM, "General manager", "总经理"))
                : List.of(director(), it());
        this.kind = special
                ? new ApprovalKind(SPECIAL_KIND, "Special permission change", "特殊权限变更", chain, null)
                : new ApprovalKind(KIND, "Permission change", "权限变更", chain, null);
    }

    private static ApprovalStep director() {
        return ApprovalStep.role(RoleCatalog.MARKETING_DIRECTOR, "Marketing director", "营销总监");
    }

    private static ApprovalStep it() {
        return ApprovalStep.role(RoleCatalog.IT_ADMIN, "IT administrator (carries it out)", "系统管理员（执行）");
    }

    @Override
    public ApprovalKind kind() {
        return kind;
    }

    static Change parse(String payload) {
        try {
            Change c = JSON.readValue(payload, Change.class);
            if (c == null || c.username() == null || c.level() == null || c.roles() == null) {
                throw new ValidationException("a permission change names username, roles, level and areas",
                        Map.of("payload", "username, roles, level, areas"));
            }
            return c;
        } catch (IOException e) {
            throw new ValidationException("the permission change is not valid JSON: " + e.getMessage());
        }
    }

    static Level level(Change c) {
        try {
            return Level.valueOf(c.level().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("level must be reader, editor or dba (got '" + c.level() + "')", Map.of("level", "invalid"));
        }
    }

    static boolean isSpecial(Change c) {
        return level(c) == Level.DBA || c.roles().stream().anyMatch(SPECIAL_ROLES::contains);
    }

    @Override
    public void validate(Caller requester, String payload) {
        Change c = parse(payload);
        level(c);
        if (accounts.find(Caller.SYSTEM, c.username()).isEmpty()) {
            throw new NotFoundException("account", c.username());
        }
        boolean special = isSpecial(c);
        if (special && kind.id().equals(KIND)) {
            throw new ValidationException("the dba level and the roles " + SPECIAL_ROLES + " are special permissions:"
                    + " request them as " + SPECIAL_KIND + " (the GM approves too)");
        }
        if (c.reason() == null || c.reason().isBlank()) {
            throw new ValidationException("say why the permissions change", Map.of("reason", "missing"));
        }
    }

    @Override
    public String render(ApprovalRequest request, Locale locale) {
        Change c = parse(request.payload());
        StaffAccount now = accounts.find(Caller.SYSTEM, c.username()).orElse(null);
        boolean zh = !"en".equals(locale.getLanguage());
        String current = now == null ? "?" : describe(now.roles(), now.level(), now.areas(), zh);
        String wanted = describe(c.roles(), level(c), c.areas() == null ? Set.of() : c.areas(), zh);
        return zh ? "账号 " + c.username() + " 的权限：" + current + " → " + wanted + "。理由：" + c.reason()
                : "Permissions of " + c.username() + ": " + current + " → " + wanted + ". Reason: " + c.reason();
    }

    /** "roles planner; level editor; areas catalog, cms" (or in Chinese), sorted so that changes stand out. */
    private static String describe(Set<String> roles, Level level, Set<String> areas, boolean zh) {
        String r = String.join(", ", new java.util.TreeSet<>(roles));
        String a = areas.isEmpty() ? "-" : String.join(", ", new java.util.TreeSet<>(areas));
        String l = level.name().toLowerCase(Locale.ROOT);
        return zh ? "角色 " + r + "；级别 " + l + "；范围 " + a : "roles " + r + "; level " + l + "; areas " + a;
    }

    @Override
    public void apply(ApprovalRequest request) {
        Change c = parse(request.payload());
        String approvers = request.decisions().stream().map(ApprovalDecision::decider).collect(Collectors.joining(", "));
        Caller carriedOut = new Caller("approval:" + request.id(), Set.of(), Set.of(AccountService.GRANT));
        accounts.changeAccess(carriedOut, c.username(), c.roles(), level(c), c.areas() == null ? Set.of() : c.areas(),
                "request " + request.id() + " by " + request.requester() + ", approved by " + approvers + ": " + c.reason());
    }
}
