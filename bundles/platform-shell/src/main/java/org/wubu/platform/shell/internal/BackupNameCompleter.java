package org.wubu.platform.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.backup.BackupInfo;
import org.wubu.platform.api.backup.BackupService;

/** Completes backup names for backup:verify and backup:restore. */
@Service
public class BackupNameCompleter implements Completer {

    @Reference
    BackupService backups;

    @Reference
    CallerResolver callers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        try {
            backups.list(callers.resolveCurrent()).stream().map(BackupInfo::name).forEach(names.getStrings()::add);
        } catch (RuntimeException noPermission) {
            // no completion for users who may not list backups
        }
        return names.complete(session, commandLine, candidates);
    }
}
