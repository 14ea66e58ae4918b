package org.wubu.console.internal;

import org.osgi.service.component.annotations.Component;
import org.wubu.console.api.ConsolePage;

/** Approvals: my inbox with approve and reject, my requests, one request in detail. */
@Component(service = ConsolePage.class)
public class ApprovalsPage extends BuiltInPage {

    public ApprovalsPage() {
        super("approvals", "/approvals", "inbox", "work", 20, null);
    }
}
