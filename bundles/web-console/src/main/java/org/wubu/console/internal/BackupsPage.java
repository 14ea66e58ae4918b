package org.wubu.console.internal;

import org.osgi.service.component.annotations.Component;
import org.wubu.console.api.ConsolePage;

/**
 * Backups (DB-1): the list, run now and verify ({@code backup.manage}), and how to restore. Seen with
 * {@code backup.read}.
 */
@Component(service = ConsolePage.class)
public class BackupsPage extends BuiltInPage {

    public BackupsPage() {
        super("backups", "/backups", "database", "admin", 520, "backup.read");
    }
}
