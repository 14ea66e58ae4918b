package org.wubu.security.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;

/** Staff accounts (SEC-1..3, SEC-5). Every change is permission-checked, validated and audited. */
@ProviderType
public interface AccountService {

    /** Create, edit, lock, unlock and reset accounts: the IT administrator's permission. */
    String MANAGE = "security.accounts.manage";
    /** See the list of accounts. */
    String READ = "security.accounts.read";
    /**
     * Change an account's roles, level or scope. No role holds it: SEC-2 wants every grant
     * requested, approved and archived, so only an approved permission-change request applies one.
     */
    String GRANT = "security.accounts.grant";

    /** Creates an account; the initial password must pass the policy and must be changed at first login. */
    StaffAccount create(Caller caller, AccountDraft draft, char[] initialPassword);

    List<StaffAccount> list(Caller caller);

    /** The caller's own account, or any account with {@link #READ}. */
    Optional<StaffAccount> find(Caller caller, String username);

    /** The caller changes their own password; the current one must be given. */
    void changePassword(Caller caller, char[] current, char[] next);

    /** An admin sets a temporary password; the owner must change it at the next login. */
    void resetPassword(Caller caller, String username, char[] temporary);

    /** SEC-3: someone else used the account (with the lead's consent); its password must be changed. */
    void recordUseByOther(Caller caller, String username, String reason);

    /** Ends a lock after failed logins. */
    void unlock(Caller caller, String username);

    /**
     * Changes an account's roles, level and areas (SEC-2); needs {@link #GRANT}. Recorded in the
     * audit log as {@code security.grant} on {@code account:<username>}: the account's grant log.
     */
    StaffAccount changeAccess(Caller caller, String username, java.util.Set<String> roles, Level level,
                              java.util.Set<String> areas, String reason);

    /** Checks a candidate password against the policy without changing anything (for forms). */
    List<PasswordRuleViolation> checkPassword(String username, char[] candidate);
}
