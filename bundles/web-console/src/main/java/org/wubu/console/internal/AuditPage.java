package org.wubu.console.internal;

import org.osgi.service.component.annotations.Component;
import org.wubu.console.api.ConsolePage;

/** The audit log with filters, paging and the chain's state. */
@Component(service = ConsolePage.class)
public class AuditPage extends BuiltInPage {

    public AuditPage() {
        super("audit", "/audit", "log", "admin", 500, "audit.read");
    }
}
