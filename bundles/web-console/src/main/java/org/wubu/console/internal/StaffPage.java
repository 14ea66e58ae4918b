package org.wubu.console.internal;

import org.osgi.service.component.annotations.Component;
import org.wubu.console.api.ConsolePage;

/**
 * Staff accounts, for IT administrators: accounts with roles, level and scope; create, unlock, reset
 * a password, record use by someone else, request a permission change, the grant log. Seen with
 * {@code security.accounts.read}; the actions need {@code security.accounts.manage} (the server checks).
 */
@Component(service = ConsolePage.class)
public class StaffPage extends BuiltInPage {

    public StaffPage() {
        super("staff", "/staff", "users", "admin", 400, "security.accounts.read");
    }
}
