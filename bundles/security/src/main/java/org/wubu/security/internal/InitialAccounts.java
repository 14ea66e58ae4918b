package org.wubu.security.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.Caller;
import org.wubu.security.api.AccountDraft;
import org.wubu.security.api.Level;
import org.wubu.security.api.RoleCatalog;

/**
 * The accounts a new installation starts with. Demo mode: one account per role, all with the
 * password {@value #DEMO_PASSWORD}. Production mode: no account has a known password; when there is
 * no account at all, an {@code admin} (IT administrator, dba level) is created with a random
 * password written to {@code data/security/initial-admin-password.txt} (readable by Karaf's user
 * only), which must be changed at the first login.
 */
final class InitialAccounts {

    static final String DEMO_PASSWORD = "Demo-pass-2026";

    private static final Logger LOG = LoggerFactory.getLogger(InitialAccounts.class);

    /** username, display name, role, level, areas. */
    static final List<String[]> DEMO = List.of(
            new String[] {"gm", "王总 (GM)", RoleCatalog.GM, "EDITOR", "*"},
            new String[] {"director", "李营销总监", RoleCatalog.MARKETING_DIRECTOR, "EDITOR", "catalog,cms,security"},
            new String[] {"lead", "张主管", RoleCatalog.DEPARTMENT_LEAD, "EDITOR", "catalog,cms,cs,duty"},
            new String[] {"planner", "陈策划", RoleCatalog.PLANNER, "EDITOR", "catalog,cms"},
            new String[] {"designer", "刘美工", RoleCatalog.DESIGNER, "EDITOR", "catalog,cms"},
            new String[] {"specialist", "赵维护", RoleCatalog.CONTENT_SPECIALIST, "EDITOR", "catalog,cms"},
            new String[] {"agent", "孙客服", RoleCatalog.CS_AGENT, "EDITOR", "orders,cs"},
            new String[] {"csmanager", "周客服主管", RoleCatalog.CS_MANAGER, "EDITOR", "orders,cs,duty"},
            new String[] {"delivery", "吴配送", RoleCatalog.DELIVERY, "EDITOR", "orders"},
            new String[] {"it", "郑管理员", RoleCatalog.IT_ADMIN, "DBA", "security,audit,monitoring,system"},
            new String[] {"buyer", "冯采购", RoleCatalog.PROCUREMENT, "EDITOR", "procurement"},
            new String[] {"commerce", "何商务主管", RoleCatalog.COMMERCIAL_HEAD, "EDITOR", "procurement"},
            new String[] {"engineering", "许工程主管", RoleCatalog.ENGINEERING_LEAD, "EDITOR", "procurement"},
            new String[] {"executive", "吕执行董事", RoleCatalog.EXECUTIVE_DIRECTOR, "EDITOR", "procurement"},
            new String[] {"finance", "施财务", RoleCatalog.FINANCE, "EDITOR", "finance"},
            new String[] {"warehouse", "曹仓库", RoleCatalog.WAREHOUSE, "EDITOR", "catalog"});

    private InitialAccounts() {
    }

    static void ensure(AccountManager accounts, boolean demo, Path dataFolder) {
        if (demo) {
            int created = 0;
            for (String[] d : DEMO) {
                if (accounts.callerOfExisting(d[0]) == null) {
                    accounts.createAccount(Caller.SYSTEM, new AccountDraft(d[0], d[1], null, Set.of(d[2]), Level.valueOf(d[3]),
                            Set.of(d[4].split(","))), DEMO_PASSWORD.toCharArray(), false);
                    created++;
                }
            }
            if (created > 0) {
                LOG.info("Demo mode: created {} demo accounts with the password {}", created, DEMO_PASSWORD);
            }
            return;
        }
        if (accounts.count() > 0) {
            return;
        }
        char[] password = randomPassword();
        Path file = dataFolder.resolve("security").resolve("initial-admin-password.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, new String(password) + System.lineSeparator());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: rely on the folder's ACLs.
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the first administrator's password to " + file + ": " + e.getMessage(), e);
        }
        accounts.createAccount(Caller.SYSTEM, new AccountDraft("admin", "IT administrator", null, Set.of(RoleCatalog.IT_ADMIN),
                Level.DBA, Set.of("security", "monitoring", "system")), password, true);
        java.util.Arrays.fill(password, '\0');
        LOG.warn("Created the first account 'admin'; its one-time password is in {} and must be changed at the first login", file);
    }

    /** 20 characters from letters, digits and symbols, starting with a letter (passes the policy). */
    static char[] randomPassword() {
        String letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        String all = letters + "23456789-_.!";
        SecureRandom random = new SecureRandom();
        char[] p = new char[20];
        p[0] = letters.charAt(random.nextInt(letters.length()));
        for (int i = 1; i < p.length; i++) {
            p[i] = all.charAt(random.nextInt(all.length()));
        }
        p[p.length - 1] = "23456789".charAt(random.nextInt(8));
        return p;
    }
}
