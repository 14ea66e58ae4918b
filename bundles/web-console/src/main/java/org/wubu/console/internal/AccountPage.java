package org.wubu.console.internal;

import org.osgi.service.component.annotations.Component;
import org.wubu.console.api.ConsolePage;

/** My account: change my password under the shop's password policy. */
@Component(service = ConsolePage.class)
public class AccountPage extends BuiltInPage {

    public AccountPage() {
        super("account", "/account", "user", "me", 900, null);
    }
}
