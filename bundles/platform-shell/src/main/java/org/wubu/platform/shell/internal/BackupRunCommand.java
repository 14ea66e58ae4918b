package org.wubu.platform.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.backup.BackupInfo;
import org.wubu.platform.api.backup.BackupService;

@Service
@Command(scope = "backup", name = "run", description = "Takes an online backup of the whole database now")
public class BackupRunCommand implements Action {

    @Reference
    BackupService backups;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        BackupInfo b = backups.run(callers.resolveCurrent());
        long rows = b.rowCounts().values().stream().mapToLong(Long::longValue).sum();
        System.out.println("Backup " + b.name() + " taken: " + b.sizeBytes() + " bytes, " + b.rowCounts().size()
                + " tables, " + rows + " rows" + (b.auditHead() == null ? "" : ", audit head " + b.auditHead().sequence()));
        return null;
    }
}
