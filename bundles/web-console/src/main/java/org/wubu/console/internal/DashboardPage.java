package org.wubu.console.internal;

import org.osgi.service.component.annotations.Component;
import org.wubu.console.api.ConsolePage;

/** The start page: my approvals waiting and overdue, and the tiles that areas contribute. */
@Component(service = ConsolePage.class)
public class DashboardPage extends BuiltInPage {

    public DashboardPage() {
        super("dashboard", "/dashboard", "dashboard", "work", 10, null);
    }
}
