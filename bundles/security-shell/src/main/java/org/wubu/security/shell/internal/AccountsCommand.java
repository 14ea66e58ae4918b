package org.wubu.security.shell.internal;

import java.time.format.DateTimeFormatter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.ShopClock;
import org.wubu.security.api.AccountService;
import org.wubu.security.api.StaffAccount;

@Service
@Command(scope = "security", name = "accounts", description = "Lists the staff accounts with roles, level, scope and status")
public class AccountsCommand implements Action {

    @Reference
    AccountService accounts;

    @Reference
    CallerResolver callers;

    @Reference
    ShopClock clock;

    @Override
    public Object execute() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.zone());
        ShellTable table = new ShellTable();
        table.column("Username");
        table.column("Name");
        table.column("Roles");
        table.column("Level");
        table.column("Areas");
        table.column("Status");
        table.column("Password changed");
        for (StaffAccount a : accounts.list(callers.resolveCurrent())) {
            String status = a.status().name().toLowerCase() + (a.mustChangePassword() ? ", must change password" : "");
            table.addRow().addContent(a.username(), a.displayName(), String.join(",", a.roles()),
                    a.level().name().toLowerCase(), String.join(",", a.areas()), status,
                    a.passwordChangedAt() == null ? "-" : time.format(a.passwordChangedAt()));
        }
        table.print(System.out);
        return null;
    }
}
