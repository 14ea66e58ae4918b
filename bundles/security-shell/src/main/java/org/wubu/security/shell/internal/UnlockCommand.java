package org.wubu.security.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.wubu.platform.api.CallerResolver;
import org.wubu.security.api.AccountService;

@Service
@Command(scope = "security", name = "unlock", description = "Ends the lock of an account after too many failed logins")
public class UnlockCommand implements Action {

    @Argument(index = 0, name = "username", description = "The account to unlock", required = true)
    String username;

    @Reference
    AccountService accounts;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        accounts.unlock(callers.resolveCurrent(), username);
        System.out.println("Account " + username + " unlocked");
        return null;
    }
}
