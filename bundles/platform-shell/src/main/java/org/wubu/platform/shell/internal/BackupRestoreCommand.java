package org.wubu.platform.shell.internal;

import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.backup.BackupRestore;
import org.wubu.platform.api.backup.BackupService;

@Service
@Command(scope = "backup", name = "restore",
        description = "Restores a verified backup into a fresh data folder; then start Wubu on it (see README, Restore)")
public class BackupRestoreCommand implements Action {

    @Argument(index = 0, name = "name", description = "The backup's name (see backup:list)", required = true)
    @Completion(BackupNameCompleter.class)
    String name;

    @Argument(index = 1, name = "dataFolder", description = "A Karaf data folder without a database, e.g. /opt/wubu/data-restored", required = true)
    String dataFolder;

    @Reference
    BackupService backups;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        BackupRestore restored = backups.restore(callers.resolveCurrent(), name, Path.of(dataFolder));
        System.out.println("Backup " + name + " restored into " + restored.database());
        restored.folders().forEach((folder, place) -> System.out.println("  " + folder + " files restored into " + place));
        System.out.println("Start Wubu on it: stop Karaf, then run it with KARAF_DATA=" + Path.of(dataFolder).toAbsolutePath()
                + " (or move that folder's derby/ into the current data folder while Karaf is stopped).");
        return null;
    }
}
