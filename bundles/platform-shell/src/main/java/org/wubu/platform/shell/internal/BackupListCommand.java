package org.wubu.platform.shell.internal;

import java.time.format.DateTimeFormatter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.backup.BackupInfo;
import org.wubu.platform.api.backup.BackupService;

@Service
@Command(scope = "backup", name = "list", description = "Lists the backups, newest first")
public class BackupListCommand implements Action {

    @Reference
    BackupService backups;

    @Reference
    CallerResolver callers;

    @Reference
    ShopClock clock;

    @Override
    public Object execute() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.zone());
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Taken (" + clock.zone() + ")");
        table.column("Trigger");
        table.column("Size").alignRight();
        table.column("Tables").alignRight();
        table.column("Rows").alignRight();
        table.column("Audit head").alignRight();
        for (BackupInfo b : backups.list(callers.resolveCurrent())) {
            long rows = b.rowCounts().values().stream().mapToLong(Long::longValue).sum();
            table.addRow().addContent(b.name(), time.format(b.takenAt()), b.trigger(), b.sizeBytes(), b.rowCounts().size(),
                    rows, b.auditHead() == null ? "-" : b.auditHead().sequence());
        }
        table.print(System.out);
        return null;
    }
}
