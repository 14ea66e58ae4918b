package org.wubu.platform.shell.internal;

import java.time.format.DateTimeFormatter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.audit.AuditEntry;
import org.wubu.platform.api.audit.AuditPage;
import org.wubu.platform.api.audit.AuditQuery;
import org.wubu.platform.api.audit.AuditService;

@Service
@Command(scope = "audit", name = "list", description = "Lists audit log entries, newest first")
public class AuditListCommand implements Action {

    @Option(name = "-a", aliases = "--actor", description = "Only entries by this user")
    String actor;

    @Option(name = "-s", aliases = "--subject", description = "Only entries about this subject, e.g. backup:2026-11-27T03-00-00Z")
    String subject;

    @Option(name = "-n", aliases = "--limit", description = "How many entries (1-500)")
    int limit = 20;

    @Reference
    AuditService audit;

    @Reference
    CallerResolver callers;

    @Reference
    ShopClock clock;

    @Override
    public Object execute() {
        AuditPage page = audit.list(callers.resolveCurrent(), new AuditQuery(actor, subject, null, null, null, null, limit));
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.zone());
        ShellTable table = new ShellTable();
        table.column("Seq").alignRight();
        table.column("Time (" + clock.zone() + ")");
        table.column("Actor");
        table.column("Action");
        table.column("Subject");
        table.column("Details").maxSize(60);
        for (AuditEntry e : page.items()) {
            table.addRow().addContent(e.sequence(), time.format(e.time()), e.actor(), e.action(), e.subject(), e.details());
        }
        table.print(System.out);
        if (page.nextBefore() != null) {
            System.out.println("(more entries; use -n to see more)");
        }
        return null;
    }
}
