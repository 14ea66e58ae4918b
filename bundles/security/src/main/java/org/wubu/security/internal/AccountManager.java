package org.wubu.security.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.OptimisticLockException;
import javax.persistence.RollbackException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.login.Authenticator;
import org.wubu.platform.api.login.LoginOutcome;
import org.wubu.platform.api.login.WebSessions;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.security.api.AccountDraft;
import org.wubu.security.api.AccountService;
import org.wubu.security.api.AccountStatus;
import org.wubu.security.api.ApiToken;
import org.wubu.security.api.NewApiToken;
import org.wubu.security.api.Level;
import org.wubu.security.api.PasswordRejectedException;
import org.wubu.security.api.PasswordRuleViolation;
import org.wubu.security.api.RoleCatalog;
import org.wubu.security.api.StaffAccount;
import org.wubu.security.api.TokenService;
import org.wubu.security.internal.password.ExpiryStatus;
import org.wubu.security.internal.password.LoginThrottle;
import org.wubu.security.internal.password.PasswordHasher;
import org.wubu.security.internal.password.PasswordPolicy;

/**
 * Staff accounts and the one login of the platform. Passwords are checked against the policy,
 * hashed with Argon2id and kept in a history; failed logins are throttled, then lock the account;
 * every change and every failure is audited.
 */
@Component(service = {AccountService.class, Authenticator.class, CallerResolver.class, TokenService.class},
        configurationPid = "org.wubu.security", immediate = true,
        // Above the platform's fallback resolver (-100): accounts decide permissions once this bundle runs.
        property = "service.ranking:Integer=100")
@Designate(ocd = SecurityConfig.class)
public class AccountManager implements AccountService, Authenticator, CallerResolver, TokenService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountManager.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    private final EntityManagerFactory emf;
    private final ShopClock clock;
    private final AuditService audit;
    private final RoleCatalog roles;
    private final PasswordHasher hasher = new PasswordHasher();
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    /** Accounts whose persisted throttle state is loaded into {@link #throttle}. */
    private final Set<String> throttleLoaded = ConcurrentHashMap.newKeySet();
    /** Compared against for unknown usernames, so that they take as long as a wrong password. */
    private final String dummyHash;
    private final ExecutorService starter;
    private final ApiTokens tokens;

    /** The platform's web sessions: ended or updated when a password is reset or changed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile WebSessions webSessions;

    @Activate
    public AccountManager(@Reference(target = "(osgi.unit.name=wubu-security)") EntityManagerFactory emf,
                          @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.security)") SchemaReady schema,
                          @Reference ShopClock clock, @Reference AuditService audit, @Reference RoleCatalog roles,
                          @Reference PlatformInfo platform, SecurityConfig config) {
        this.emf = emf;
        this.clock = clock;
        this.audit = audit;
        this.roles = roles;
        this.policy = new PasswordPolicy(new PasswordPolicy.Settings(config.password_minLength(),
                config.password_noLeadingDigit(), config.password_minKinds(), config.password_rejectCommon(),
                config.password_history(), config.password_maxAgeDays(), config.password_warnDays()), hasher);
        this.throttle = new LoginThrottle(asClock(clock), config.login_throttleAfter(), LoginThrottle.DEFAULT_BASE_DELAY,
                LoginThrottle.DEFAULT_MAX_DELAY, config.login_lockAfter(),
                java.time.Duration.ofMinutes(config.login_lockMinutes()));
        this.dummyHash = hasher.hash("not-a-real-password".toCharArray());
        this.tokens = new ApiTokens(emf, clock, audit);
        // Off the activation thread: hashing a dozen passwords takes a second, and services that
        // other bundles are waiting for should not be held up by it.
        this.starter = Executors.newSingleThreadExecutor(r -> new Thread(r, "wubu-initial-accounts"));
        starter.execute(() -> {
            try {
                InitialAccounts.ensure(this, platform.isDemo(), Path.of(System.getProperty("karaf.data", "data")));
            } catch (RuntimeException e) {
                LOG.error("Could not create the initial accounts: {}", e.getMessage(), e);
            }
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        starter.shutdown();
        starter.awaitTermination(30, TimeUnit.SECONDS);
    }

    // ---- login ------------------------------------------------------------------------------

    @Override
    public LoginOutcome login(String username, char[] password, String channel) {
        String u = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        AccountEntity a = load(u);
        if (a == null) {
            hasher.verify(password, dummyHash);
            audit.record(anonymous(u), "security.login.failed", "account:" + u, "unknown account, channel=" + channel);
            return refused(LoginOutcome.Result.BAD_CREDENTIALS, "wrong username or password", null);
        }
        if (AccountStatus.valueOf(a.status) == AccountStatus.DISABLED) {
            audit.record(anonymous(u), "security.login.refused", "account:" + u, "account disabled, channel=" + channel);
            return refused(LoginOutcome.Result.DISABLED, "this account is disabled; ask the IT administrator", null);
        }
        loadThrottle(a);
        LoginThrottle.Decision decision = throttle.check(u);
        if (!decision.allowed()) {
            boolean locked = decision.reason() == LoginThrottle.Block.LOCKED;
            audit.record(anonymous(u), "security.login.refused", "account:" + u,
                    (locked ? "locked" : "throttled") + " until " + decision.until() + ", channel=" + channel);
            return refused(locked ? LoginOutcome.Result.LOCKED : LoginOutcome.Result.THROTTLED,
                    locked ? "too many failed logins: the account is locked until " + shopTime(decision.until())
                            + " (an IT administrator can unlock it)"
                            : "too many failed logins: wait until " + shopTime(decision.until()) + " before trying again",
                    decision.until());
        }
        if (!hasher.verify(password, a.passwordHash)) {
            LoginThrottle.Result r = throttle.recordFailure(u);
            update(u, e -> {
                e.failedLogins = r.failures();
                if (r.outcome() == LoginThrottle.Outcome.LOCKED) {
                    e.status = AccountStatus.LOCKED.name();
                    e.lockedUntil = AccountEntity.utc(r.until());
                }
            });
            switch (r.outcome()) {
                case LOCKED:
                    audit.record(anonymous(u), "security.account.locked", "account:" + u,
                            r.failures() + " failed logins; locked until " + r.until() + ", channel=" + channel);
                    return refused(LoginOutcome.Result.LOCKED, "too many failed logins: the account is locked until "
                            + shopTime(r.until()) + " (an IT administrator can unlock it)", r.until());
                case THROTTLED:
                    audit.record(anonymous(u), "security.login.throttled", "account:" + u,
                            r.failures() + " failed logins; next attempt after " + r.until() + ", channel=" + channel);
                    return refused(LoginOutcome.Result.BAD_CREDENTIALS, "wrong username or password", r.until());
                default:
                    audit.record(anonymous(u), "security.login.failed", "account:" + u,
                            "wrong password (" + r.failures() + " in a row), channel=" + channel);
                    return refused(LoginOutcome.Result.BAD_CREDENTIALS, "wrong username or password", null);
            }
        }
        throttle.recordSuccess(u);
        boolean rehash = hasher.needsRehash(a.passwordHash);
        if (a.failedLogins != 0 || a.lockedUntil != null || rehash || AccountStatus.LOCKED.name().equals(a.status)) {
            String newHash = rehash ? hasher.hash(password) : null;
            update(u, e -> {
                e.failedLogins = 0;
                e.lockedUntil = null;
                if (AccountStatus.LOCKED.name().equals(e.status)) {
                    e.status = AccountStatus.ACTIVE.name();
                }
                if (newHash != null) {
                    e.passwordHash = newHash;
                }
            });
        }
        ExpiryStatus expiry = policy.expiry(AccountEntity.instant(a.passwordChangedAt), clock.now());
        boolean mustChange = a.mustChange || expiry.mustChange();
        Caller caller = callerOf(a);
        if (!"api".equals(channel)) {
            audit.record(caller, "security.login", "account:" + u, "channel=" + channel + (mustChange ? ", must change password" : ""));
        }
        return new LoginOutcome(LoginOutcome.Result.OK, caller, mustChange ? "change your password now" : "welcome",
                null, mustChange, expiry.warn() ? expiry.daysLeft() : null);
    }

    @Override
    public LoginOutcome loginWithToken(String token, String channel) {
        if (token == null || !token.startsWith(ApiTokens.PREFIX) || token.length() > 200) {
            audit.record(anonymous(null), "security.token.login-failed", "token:unknown", "not a Wubu API token, channel=" + channel);
            return refused(LoginOutcome.Result.BAD_CREDENTIALS, "unknown, revoked or expired API token", null);
        }
        ApiTokenEntity t = tokens.find(token);
        Instant now = clock.now();
        if (t == null) {
            audit.record(anonymous(null), "security.token.login-failed", "token:unknown", "unknown token, channel=" + channel);
            return refused(LoginOutcome.Result.BAD_CREDENTIALS, "unknown, revoked or expired API token", null);
        }
        String u = t.username;
        String which = "token " + t.id + " '" + t.name + "'";
        if (t.revokedAt != null || !now.isBefore(AccountEntity.instant(t.expiresAt))) {
            audit.record(anonymous(u), "security.token.login-failed", "account:" + u,
                    (t.revokedAt != null ? "revoked " : "expired ") + which + ", channel=" + channel);
            return refused(LoginOutcome.Result.BAD_CREDENTIALS, "unknown, revoked or expired API token", null);
        }
        AccountEntity a = load(u);
        if (a == null || AccountStatus.valueOf(a.status) == AccountStatus.DISABLED) {
            audit.record(anonymous(u), "security.token.login-refused", "account:" + u, "account disabled, " + which + ", channel=" + channel);
            return refused(LoginOutcome.Result.DISABLED, "this account is disabled; ask the IT administrator", null);
        }
        Instant lockedUntil = AccountEntity.instant(a.lockedUntil);
        if (AccountStatus.LOCKED.name().equals(a.status) && (lockedUntil == null || now.isBefore(lockedUntil))) {
            audit.record(anonymous(u), "security.token.login-refused", "account:" + u,
                    "account locked until " + lockedUntil + ", " + which + ", channel=" + channel);
            return refused(LoginOutcome.Result.LOCKED, "the account is locked" + (lockedUntil == null ? "" : " until " + shopTime(lockedUntil))
                    + " (an IT administrator can unlock it)", lockedUntil);
        }
        tokens.used(t, now);
        ExpiryStatus expiry = policy.expiry(AccountEntity.instant(a.passwordChangedAt), now);
        boolean mustChange = a.mustChange || expiry.mustChange();
        return new LoginOutcome(LoginOutcome.Result.OK, callerOf(a), mustChange ? "change your password now" : "welcome",
                null, mustChange, expiry.warn() ? expiry.daysLeft() : null);
    }

    // ---- personal API tokens ----------------------------------------------------------------

    @Override
    public NewApiToken create(Caller caller, String name, Integer expiresInDays) {
        return tokens.create(caller, name, expiresInDays);
    }

    @Override
    public List<ApiToken> list(Caller caller, String username) {
        return tokens.list(caller, username);
    }

    @Override
    public ApiToken revoke(Caller caller, long id) {
        return tokens.revoke(caller, id);
    }

    private static LoginOutcome refused(LoginOutcome.Result result, String message, Instant retryAfter) {
        return new LoginOutcome(result, null, message, retryAfter, false, null);
    }

    /** The caller of an account: its roles, and the permissions they grant at its level and scope. */
    Caller callerOf(AccountEntity a) {
        return new Caller(a.username, a.roleSet(), roles.permissions(a.roleSet(), Level.valueOf(a.level), a.areaSet()));
    }

    /**
     * A shell or web login as the account's caller. A login without an account is trusted only when
     * Karaf itself vouches for it with its {@code admin} role (the local console on the server, a test
     * harness): it may do everything.
     */
    @Override
    public Caller resolve(String username, Set<String> karafRoles) {
        AccountEntity a = load(username);
        if (a != null) {
            return callerOf(a);
        }
        return new Caller(username, karafRoles, karafRoles.contains("admin") ? Set.of(Caller.ALL) : Set.of());
    }

    private void loadThrottle(AccountEntity a) {
        if (throttleLoaded.add(a.username) && (a.failedLogins > 0 || a.lockedUntil != null)) {
            throttle.restore(a.username, new LoginThrottle.Snapshot(a.failedLogins, AccountEntity.instant(a.lockedUntil)));
        }
    }

    // ---- accounts ---------------------------------------------------------------------------

    @Override
    public StaffAccount create(Caller caller, AccountDraft d, char[] initialPassword) {
        caller.require(MANAGE);
        return createAccount(caller, d, initialPassword, true);
    }

    /** Also used for demo accounts and the first administrator. */
    StaffAccount createAccount(Caller caller, AccountDraft d, char[] initialPassword, boolean mustChange) {
        validate(d);
        List<PasswordRuleViolation> violations = checkPassword(d.username(), initialPassword);
        if (!violations.isEmpty()) {
            throw new PasswordRejectedException(violations);
        }
        String hash = hasher.hash(initialPassword);
        Instant now = clock.now();
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            if (em.find(AccountEntity.class, d.username()) != null) {
                throw new WubuException("exists", "an account named '" + d.username() + "' already exists");
            }
            AccountEntity a = new AccountEntity();
            a.username = d.username();
            a.displayName = d.displayName().trim();
            a.phone = d.phone() == null || d.phone().isBlank() ? null : d.phone().trim();
            a.roles = AccountEntity.join(d.roles());
            a.level = d.level().name();
            a.areas = AccountEntity.join(d.areas());
            a.status = AccountStatus.ACTIVE.name();
            a.passwordHash = hash;
            a.passwordChangedAt = AccountEntity.utc(now);
            a.mustChange = mustChange;
            a.createdAt = AccountEntity.utc(now);
            em.persist(a);
            em.persist(new PasswordHistoryEntity(a.username, hash, AccountEntity.utc(now)));
            em.getTransaction().commit();
            audit.record(caller, "security.account.create", "account:" + a.username,
                    "roles=" + a.roles + ", level=" + a.level + ", areas=" + a.areas);
            return a.toAccount();
        } finally {
            rollbackIfActive(em);
        }
    }

    private void validate(AccountDraft d) {
        Map<String, Object> errors = new java.util.LinkedHashMap<>();
        if (d.username() == null || !USERNAME.matcher(d.username()).matches()) {
            errors.put("username", "2-64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter");
        }
        if (d.displayName() == null || d.displayName().isBlank() || d.displayName().length() > 100) {
            errors.put("displayName", "required, at most 100 characters");
        }
        if (d.phone() != null && !d.phone().isBlank() && !d.phone().trim().matches("[0-9+\\- ()]{3,40}")) {
            errors.put("phone", "digits, spaces, + - ( ) only");
        }
        if (d.level() == null) {
            errors.put("level", "reader, editor or dba");
        }
        Set<String> known = roles.roles().stream().map(r -> r.name()).collect(Collectors.toSet());
        List<String> unknown = d.roles().stream().filter(r -> !known.contains(r)).sorted().collect(Collectors.toList());
        if (d.roles().isEmpty() || !unknown.isEmpty()) {
            errors.put("roles", unknown.isEmpty() ? "at least one role" : "unknown roles " + unknown + "; known: " + new java.util.TreeSet<>(known));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the account has invalid fields: " + String.join(", ", errors.keySet()), errors);
        }
    }

    @Override
    public List<StaffAccount> list(Caller caller) {
        caller.require(READ);
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT a FROM AccountEntity a ORDER BY a.username", AccountEntity.class)
                    .getResultList().stream().map(AccountEntity::toAccount).collect(Collectors.toList());
        } finally {
            em.close();
        }
    }

    @Override
    public Optional<StaffAccount> find(Caller caller, String username) {
        if (!caller.username().equals(username)) {
            caller.require(READ);
        }
        return Optional.ofNullable(load(username)).map(AccountEntity::toAccount);
    }

    /** The account's caller, or null when there is no such account. */
    Caller callerOfExisting(String username) {
        AccountEntity a = load(username);
        return a == null ? null : callerOf(a);
    }

    long count() {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT COUNT(a) FROM AccountEntity a", Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }

    @Override
    public void changePassword(Caller caller, char[] current, char[] next) {
        AccountEntity a = load(caller.username());
        if (a == null) {
            throw new NotFoundException("account", caller.username());
        }
        if (current == null || !hasher.verify(current, a.passwordHash)) {
            audit.record(caller, "security.password.change-refused", "account:" + a.username, "wrong current password");
            throw new ValidationException("the current password is wrong", Map.of("current", "wrong"));
        }
        setPassword(caller, a.username, next, false, "security.password.change", "changed by the owner");
        WebSessions web = webSessions;
        if (web != null) {
            web.passwordChanged(a.username);
        }
    }

    @Override
    public void resetPassword(Caller caller, String username, char[] temporary) {
        caller.require(MANAGE);
        requireAccount(username);
        setPassword(caller, username, temporary, true, "security.password.reset", "reset by " + caller.username() + "; must change at next login");
        endSessions(username);
    }

    private void setPassword(Caller caller, String username, char[] next, boolean mustChange, String action, String details) {
        List<PasswordRuleViolation> violations = checkPassword(username, next);
        if (!violations.isEmpty()) {
            audit.record(caller, action + "-refused", "account:" + username,
                    violations.stream().map(PasswordRuleViolation::rule).collect(Collectors.joining(",")));
            throw new PasswordRejectedException(violations);
        }
        String hash = hasher.hash(next);
        Instant now = clock.now();
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            AccountEntity a = em.find(AccountEntity.class, username);
            a.passwordHash = hash;
            a.passwordChangedAt = AccountEntity.utc(now);
            a.mustChange = mustChange;
            em.persist(new PasswordHistoryEntity(username, hash, AccountEntity.utc(now)));
            em.getTransaction().commit();
        } finally {
            rollbackIfActive(em);
        }
        audit.record(caller, action, "account:" + username, details);
    }

    @Override
    public void recordUseByOther(Caller caller, String username, String reason) {
        caller.require(MANAGE);
        requireAccount(username);
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("say who used the account and with whose consent", Map.of("reason", "missing"));
        }
        update(username, e -> e.mustChange = true);
        audit.record(caller, "security.account.used-by-other", "account:" + username, reason + "; password must be changed");
        endSessions(username);
    }

    @Override
    public StaffAccount changeAccess(Caller caller, String username, Set<String> newRoles, Level level, Set<String> areas,
                                     String reason) {
        caller.require(GRANT);
        AccountEntity before = load(username);
        if (before == null) {
            throw new NotFoundException("account", String.valueOf(username));
        }
        AccountDraft draft = new AccountDraft(username, before.displayName, before.phone, newRoles, level, areas);
        validate(draft);
        update(username, e -> {
            e.roles = AccountEntity.join(draft.roles());
            e.level = level.name();
            e.areas = AccountEntity.join(draft.areas());
        });
        audit.record(caller, "security.grant", "account:" + username, "roles " + before.roles + " → " + AccountEntity.join(draft.roles())
                + ", level " + before.level + " → " + level + ", areas " + before.areas + " → " + AccountEntity.join(draft.areas())
                + "; " + reason);
        return load(username).toAccount();
    }

    @Override
    public void unlock(Caller caller, String username) {
        caller.require(MANAGE);
        requireAccount(username);
        throttle.reset(username);
        update(username, e -> {
            e.failedLogins = 0;
            e.lockedUntil = null;
            if (AccountStatus.LOCKED.name().equals(e.status)) {
                e.status = AccountStatus.ACTIVE.name();
            }
        });
        audit.record(caller, "security.account.unlock", "account:" + username, "unlocked");
    }

    @Override
    public List<PasswordRuleViolation> checkPassword(String username, char[] candidate) {
        if (candidate == null) {
            candidate = new char[0];
        }
        List<String> history = new ArrayList<>();
        EntityManager em = emf.createEntityManager();
        try {
            em.createQuery("SELECT h.passwordHash FROM PasswordHistoryEntity h WHERE h.username = :u ORDER BY h.changedAt DESC",
                    String.class).setParameter("u", username).setMaxResults(Math.max(1, policy.settings().historySize()))
                    .getResultList().forEach(history::add);
        } finally {
            em.close();
        }
        return policy.check(username, candidate, history);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private AccountEntity load(String username) {
        if (username == null) {
            return null;
        }
        EntityManager em = emf.createEntityManager();
        try {
            return em.find(AccountEntity.class, username);
        } finally {
            em.close();
        }
    }

    /** Someone else may know the password: the account's web sessions end (its API tokens stay). */
    private void endSessions(String username) {
        WebSessions web = webSessions;
        if (web != null) {
            int ended = web.endAll(username);
            if (ended > 0) {
                LOG.info("Ended {} web session(s) of {}", ended, username);
            }
        }
    }

    private void requireAccount(String username) {
        if (load(username) == null) {
            throw new NotFoundException("account", String.valueOf(username));
        }
    }

    /** Changes one account in one transaction, retrying once if a concurrent login changed it first. */
    private void update(String username, Consumer<AccountEntity> change) {
        for (int attempt = 0; ; attempt++) {
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                AccountEntity a = em.find(AccountEntity.class, username);
                change.accept(a);
                em.getTransaction().commit();
                return;
            } catch (OptimisticLockException | RollbackException e) {
                if (attempt >= 2) {
                    throw new WubuException("conflict", "the account '" + username + "' was changed at the same time; try again");
                }
            } finally {
                rollbackIfActive(em);
            }
        }
    }

    private static void rollbackIfActive(EntityManager em) {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
    }

    private static Caller anonymous(String username) {
        String name = username == null || username.isBlank() ? "anonymous" : username;
        return new Caller(name.length() > 100 ? name.substring(0, 100) : name, Set.of(), Set.of());
    }

    private String shopTime(Instant i) {
        return i.atZone(clock.zone()).toLocalDateTime().withNano(0).toString().replace('T', ' ');
    }

    private static Clock asClock(ShopClock shop) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return shop.zone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return shop.now();
            }
        };
    }
}
