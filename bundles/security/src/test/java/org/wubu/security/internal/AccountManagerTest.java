package org.wubu.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.login.LoginOutcome;
import org.wubu.security.api.AccountDraft;
import org.wubu.security.api.AccountStatus;
import org.wubu.security.api.Level;
import org.wubu.security.api.PasswordRejectedException;
import org.wubu.security.api.RoleCatalog;

/** Accounts and login on a real embedded Derby with EclipseLink, tables from the bundle's migration. */
public class AccountManagerTest {

    private static final char[] GOOD = "Demo-pass-2026".toCharArray();

    @Rule
    public final SecurityFixture fixture = new SecurityFixture();

    private EmbeddedDataSource ds;
    private AccountManager accounts;
    private List<String> audited;
    private AtomicReference<Instant> now;
    private Caller it;

    @Before
    public void setUp() throws Exception {
        ds = fixture.ds;
        accounts = fixture.accounts;
        audited = fixture.audited;
        now = fixture.now;
        it = fixture.it;
        assertNotNull("production mode creates a first administrator", it);
        assertTrue(Files.exists(fixture.dataFolder.resolve("security/initial-admin-password.txt")));
    }

    private void createPlanner() {
        accounts.createAccount(Caller.SYSTEM, new AccountDraft("planner", "陈策划", "138 0000 0000", Set.of(RoleCatalog.PLANNER),
                Level.EDITOR, Set.of("catalog")), GOOD.clone(), false);
    }

    @Test
    public void loginGivesTheRolePermissionsCappedByLevelAndScope() {
        createPlanner();
        LoginOutcome ok = accounts.login("planner", GOOD.clone(), "web");
        assertTrue(ok.message(), ok.ok());
        assertTrue(ok.caller().hasPermission("catalog.price.propose"));
        assertFalse("cms is not in the planner's scope", ok.caller().hasPermission("cms.draft.edit"));
        assertTrue(ok.caller().hasPermission("cms.read"));
        assertFalse(ok.caller().hasPermission("audit.read"));

        accounts.createAccount(Caller.SYSTEM, new AccountDraft("reader", "只读", null, Set.of(RoleCatalog.PLANNER),
                Level.READER, Set.of("catalog")), GOOD.clone(), false);
        Caller reader = accounts.login("reader", GOOD.clone(), "web").caller();
        assertTrue(reader.hasPermission("catalog.read"));
        assertFalse("a reader changes nothing", reader.hasPermission("catalog.price.propose"));
        assertTrue(audited.contains("security.login account:planner"));
    }

    @Test
    public void passwordRulesAreNamedOnCreateAndChange() {
        PasswordRejectedException e = assertThrows(PasswordRejectedException.class, () -> accounts.create(it,
                new AccountDraft("buyer", "冯采购", null, Set.of(RoleCatalog.PROCUREMENT), Level.EDITOR, Set.of("procurement")),
                "1abcdefg".toCharArray()));
        assertTrue(e.violations().stream().anyMatch(v -> v.rule().equals("starts-with-digit")));
        createPlanner();
        Caller planner = accounts.login("planner", GOOD.clone(), "web").caller();
        e = assertThrows(PasswordRejectedException.class, () -> accounts.changePassword(planner, GOOD.clone(), "abcdefgh".toCharArray()));
        assertEquals("too-few-kinds", e.violations().get(0).rule());
        e = assertThrows(PasswordRejectedException.class, () -> accounts.changePassword(planner, GOOD.clone(), "password1".toCharArray()));
        assertEquals("common", e.violations().get(0).rule());
        e = assertThrows(PasswordRejectedException.class, () -> accounts.changePassword(planner, GOOD.clone(), GOOD.clone()));
        assertEquals("reused", e.violations().get(0).rule());
        assertThrows(ValidationException.class, () -> accounts.changePassword(planner, "wrong-Pass-1".toCharArray(), "Another-pass-7".toCharArray()));
        accounts.changePassword(planner, GOOD.clone(), "Another-pass-7".toCharArray());
        assertTrue(accounts.login("planner", "Another-pass-7".toCharArray(), "web").ok());
        assertFalse(accounts.login("planner", GOOD.clone(), "web").ok());
    }

    @Test
    public void failedLoginsThrottleThenLockAndAreAudited() {
        createPlanner();
        for (int i = 1; i <= 5; i++) {
            assertEquals(LoginOutcome.Result.BAD_CREDENTIALS, accounts.login("planner", "nope".toCharArray(), "web").result());
        }
        // Throttled: even the right password waits.
        LoginOutcome throttled = accounts.login("planner", GOOD.clone(), "web");
        assertEquals(LoginOutcome.Result.THROTTLED, throttled.result());
        assertNotNull(throttled.retryAfter());
        assertTrue(audited.contains("security.login.throttled account:planner"));
        LoginOutcome last = null;
        for (int i = 6; i <= 10; i++) {
            now.set(now.get().plus(Duration.ofMinutes(2)));
            last = accounts.login("planner", "nope".toCharArray(), "web");
        }
        assertEquals(LoginOutcome.Result.LOCKED, last.result());
        assertTrue(audited.contains("security.account.locked account:planner"));
        assertEquals(AccountStatus.LOCKED, accounts.find(it, "planner").orElseThrow().status());
        assertEquals(LoginOutcome.Result.LOCKED, accounts.login("planner", GOOD.clone(), "web").result());

        assertThrows(PermissionDeniedException.class, () -> accounts.unlock(accounts.callerOfExisting("planner"), "planner"));
        accounts.unlock(it, "planner");
        assertTrue(accounts.login("planner", GOOD.clone(), "web").ok());
        assertEquals(AccountStatus.ACTIVE, accounts.find(it, "planner").orElseThrow().status());
    }

    @Test
    public void resetAndUseByOtherForceAChange() {
        createPlanner();
        accounts.resetPassword(it, "planner", "Temporary-99".toCharArray());
        LoginOutcome after = accounts.login("planner", "Temporary-99".toCharArray(), "web");
        assertTrue(after.ok());
        assertTrue(after.mustChangePassword());
        accounts.changePassword(after.caller(), "Temporary-99".toCharArray(), "Fresh-start-2027".toCharArray());
        assertFalse(accounts.login("planner", "Fresh-start-2027".toCharArray(), "web").mustChangePassword());
        accounts.recordUseByOther(it, "planner", "used by 张主管 during leave, lead consented");
        assertTrue(accounts.login("planner", "Fresh-start-2027".toCharArray(), "web").mustChangePassword());
        assertTrue(audited.contains("security.account.used-by-other account:planner"));
    }

    @Test
    public void expiredPasswordsMustBeChangedAndWarnedBefore() {
        createPlanner();
        now.set(now.get().plus(Duration.ofDays(80)));
        LoginOutcome warned = accounts.login("planner", GOOD.clone(), "web");
        assertFalse(warned.mustChangePassword());
        assertEquals(Long.valueOf(10), warned.passwordExpiresInDays());
        now.set(now.get().plus(Duration.ofDays(11)));
        assertTrue(accounts.login("planner", GOOD.clone(), "web").mustChangePassword());
    }

    @Test
    public void validationNamesEveryBadField() {
        ValidationException e = assertThrows(ValidationException.class, () -> accounts.create(it,
                new AccountDraft("9bad", " ", "call me", Set.of("astronaut"), Level.EDITOR, Set.of()), GOOD.clone()));
        assertEquals(Set.of("username", "displayName", "phone", "roles"), e.details().keySet());
        Caller nobody = new Caller("nobody", Set.of(), Set.of());
        assertThrows(PermissionDeniedException.class, () -> accounts.create(nobody, new AccountDraft("x1", "x", null,
                Set.of(RoleCatalog.PLANNER), Level.READER, Set.of()), GOOD.clone()));
    }

    @Test
    public void unknownUsersAreRefusedLikeWrongPasswordsAndShellAdminsWithoutAccountAreTrusted() {
        assertEquals(LoginOutcome.Result.BAD_CREDENTIALS, accounts.login("ghost", GOOD.clone(), "api").result());
        assertTrue(accounts.resolve("karaf", Set.of("admin")).hasPermission("anything"));
        assertFalse(accounts.resolve("stranger", Set.of("viewer")).hasPermission("catalog.read"));
        createPlanner();
        assertTrue(accounts.resolve("planner", Set.of("admin")).hasPermission("catalog.price.propose"));
        assertFalse("an account's permissions come from the account", accounts.resolve("planner", Set.of("admin")).hasPermission("audit.read"));
    }

    @Test
    public void demoModeCreatesOneAccountPerRole() {
        InitialAccounts.ensure(accounts, true, Path.of("target"));
        for (String[] d : InitialAccounts.DEMO) {
            assertTrue(d[0], accounts.login(d[0], GOOD.clone(), "web").ok());
        }
        assertEquals(17, accounts.count());
    }
}
