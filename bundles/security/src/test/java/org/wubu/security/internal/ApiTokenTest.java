package org.wubu.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.wubu.security.api.Level;
import org.wubu.security.api.RoleCatalog;

import java.sql.ResultSet;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.WubuException;
import org.wubu.security.api.ApiToken;
import org.wubu.security.api.NewApiToken;
import org.wubu.security.api.TokenService;

/**
 * Personal API tokens on a real embedded Derby with EclipseLink, tables from the bundle's V1 and V2
 * migrations: create, log in, list without secrets, revoke, expiry, refusal of locked and disabled
 * accounts, audit.
 */
public class ApiTokenTest {

    private static final char[] GOOD = "Demo-pass-2026".toCharArray();

    @Rule
    public final SecurityFixture fixture = new SecurityFixture();

    private EmbeddedDataSource ds;
    private AccountManager accounts;
    private List<String> audited;
    private AtomicReference<Instant> now;
    private Caller it;
    private Caller planner;

    @Before
    public void setUp() throws Exception {
        ds = fixture.ds;
        accounts = fixture.accounts;
        audited = fixture.audited;
        now = fixture.now;
        it = fixture.it;
        accounts.createAccount(Caller.SYSTEM, new AccountDraft("planner", "陈策划", null, Set.of(RoleCatalog.PLANNER),
                Level.EDITOR, Set.of("catalog")), GOOD.clone(), false);
        planner = accounts.callerOfExisting("planner");
    }

    private long storedRowsWith(String secret) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM SEC_API_TOKEN WHERE TOKEN_HASH LIKE '%" + secret.substring(5, 15) + "%'")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    public void aTokenLogsInAsItsAccountAndIsStoredOnlyHashed() throws Exception {
        NewApiToken created = accounts.create(planner, "price import script", null);
        assertTrue(created.secret(), created.secret().matches("wubu_[A-Za-z0-9_-]{43}"));
        assertEquals(now.get().plus(Duration.ofDays(90)), created.token().expiresAt());
        assertFalse(created.toString().contains(created.secret()));
        assertEquals("the secret is nowhere in the table", 0, storedRowsWith(created.secret()));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT TOKEN_HASH FROM SEC_API_TOKEN")) {
            r.next();
            assertEquals(ApiTokens.hash(created.secret()), r.getString(1));
            assertEquals(64, r.getString(1).length());
        }
        assertTrue(audited.contains("security.token.create account:planner"));

        LoginOutcome ok = accounts.loginWithToken(created.secret(), "api");
        assertTrue(ok.message(), ok.ok());
        assertEquals("planner", ok.caller().username());
        assertTrue(ok.caller().hasPermission("catalog.price.propose"));
        assertFalse(ok.mustChangePassword());

        ApiToken listed = accounts.list(planner, "planner").get(0);
        assertEquals(created.token().id(), listed.id());
        assertEquals("price import script", listed.name());
        assertEquals(now.get(), listed.lastUsedAt());
        assertEquals("active", listed.status(now.get()));
    }

    @Test
    public void lastUseIsWrittenAtMostOnceAMinute() {
        NewApiToken t = accounts.create(planner, "sync", 30);
        Instant first = now.get();
        accounts.loginWithToken(t.secret(), "api");
        now.set(first.plusSeconds(59));
        accounts.loginWithToken(t.secret(), "api");
        assertEquals(first, accounts.list(planner, "planner").get(0).lastUsedAt());
        now.set(first.plusSeconds(61));
        accounts.loginWithToken(t.secret(), "api");
        assertEquals(now.get(), accounts.list(planner, "planner").get(0).lastUsedAt());
    }

    @Test
    public void unknownRevokedAndExpiredTokensAreBadCredentialsAndAudited() {
        assertEquals(LoginOutcome.Result.BAD_CREDENTIALS, accounts.loginWithToken("wubu_nothing-like-this", "api").result());
        assertEquals(LoginOutcome.Result.BAD_CREDENTIALS, accounts.loginWithToken("not a token", "api").result());
        assertEquals(LoginOutcome.Result.BAD_CREDENTIALS, accounts.loginWithToken(null, "api").result());
        assertTrue(audited.contains("security.token.login-failed token:unknown"));

        NewApiToken revoked = accounts.create(planner, "old script", null);
        accounts.revoke(planner, revoked.token().id());
        assertTrue(audited.contains("security.token.revoke account:planner"));
        LoginOutcome r = accounts.loginWithToken(revoked.secret(), "api");
        assertEquals(LoginOutcome.Result.BAD_CREDENTIALS, r.result());
        assertTrue(audited.contains("security.token.login-failed account:planner"));
        assertEquals("revoked", accounts.list(planner, "planner").get(0).status(now.get()));

        NewApiToken shortLived = accounts.create(planner, "one day", 1);
        assertTrue(accounts.loginWithToken(shortLived.secret(), "api").ok());
        now.set(now.get().plus(Duration.ofDays(1)));
        assertEquals(LoginOutcome.Result.BAD_CREDENTIALS, accounts.loginWithToken(shortLived.secret(), "api").result());
    }

    @Test
    public void onlyTheOwnerOrAnItAdminSeesAndRevokesTokens() {
        NewApiToken mine = accounts.create(planner, "mine", null);
        accounts.createAccount(Caller.SYSTEM, new AccountDraft("buyer", "冯采购", null, Set.of(RoleCatalog.PROCUREMENT),
                Level.EDITOR, Set.of("procurement")), GOOD.clone(), false);
        Caller buyer = accounts.callerOfExisting("buyer");
        assertThrows(PermissionDeniedException.class, () -> accounts.list(buyer, "planner"));
        assertThrows("someone else's token is not found", NotFoundException.class, () -> accounts.revoke(buyer, mine.token().id()));
        assertThrows(NotFoundException.class, () -> accounts.revoke(planner, 999_999L));
        assertTrue(accounts.loginWithToken(mine.secret(), "api").ok());

        assertEquals(1, accounts.list(it, "planner").size());
        accounts.revoke(it, mine.token().id());
        assertFalse(accounts.loginWithToken(mine.secret(), "api").ok());
        assertEquals("revoking twice changes nothing", "revoked", accounts.revoke(planner, mine.token().id()).status(now.get()));
    }

    @Test
    public void namesAndExpiriesAreValidatedAndActiveTokensCapped() {
        ValidationException e = assertThrows(ValidationException.class, () -> accounts.create(planner, " ", 366));
        assertEquals(Set.of("name", "expiresInDays"), e.details().keySet());
        assertThrows(ValidationException.class, () -> accounts.create(planner, "x", 0));
        assertEquals(now.get().plus(Duration.ofDays(365)), accounts.create(planner, "year", 365).token().expiresAt());
        for (int i = 1; i < TokenService.MAX_ACTIVE; i++) {
            accounts.create(planner, "t" + i, null);
        }
        WubuException full = assertThrows(WubuException.class, () -> accounts.create(planner, "one too many", null));
        assertEquals("too-many-tokens", full.code());
        assertThrows(WubuException.class, () -> accounts.create(new Caller("karaf", Set.of("admin"), Set.of(Caller.ALL)), "x", null));
    }

    @Test
    public void lockedAndDisabledAccountsAreRefusedAndMustChangeIsPassedOn() throws Exception {
        NewApiToken t = accounts.create(planner, "sync", null);
        for (int i = 0; i < 10; i++) {
            now.set(now.get().plus(Duration.ofMinutes(2)));
            accounts.login("planner", "nope".toCharArray(), "web");
        }
        assertEquals(LoginOutcome.Result.LOCKED, accounts.loginWithToken(t.secret(), "api").result());
        assertTrue(audited.contains("security.token.login-refused account:planner"));
        accounts.unlock(it, "planner");
        assertTrue(accounts.loginWithToken(t.secret(), "api").ok());

        accounts.resetPassword(it, "planner", "Temporary-99".toCharArray());
        assertTrue("the password rule applies to tokens too", accounts.loginWithToken(t.secret(), "api").mustChangePassword());

        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE SEC_ACCOUNT SET STATUS = 'DISABLED' WHERE USERNAME = 'planner'");
        }
        assertEquals(LoginOutcome.Result.DISABLED, accounts.loginWithToken(t.secret(), "api").result());
    }
}
