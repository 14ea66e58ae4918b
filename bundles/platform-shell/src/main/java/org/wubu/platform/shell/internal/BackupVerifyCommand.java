package org.wubu.platform.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.backup.BackupService;
import org.wubu.platform.api.backup.BackupVerification;

@Service
@Command(scope = "backup", name = "verify", description = "Checks a backup against its manifest (files, rows per table, audit head)")
public class BackupVerifyCommand implements Action {

    @Argument(index = 0, name = "name", description = "The backup's name (see backup:list)", required = true)
    @Completion(BackupNameCompleter.class)
    String name;

    @Reference
    BackupService backups;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        BackupVerification v = backups.verify(callers.resolveCurrent(), name);
        System.out.println("Backup " + v.summary());
        return null;
    }
}
