package org.wubu.platform.api.backup;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;

/**
 * Online backups of the whole database (DB-1): taken while the shop keeps working, listed, verified
 * against their manifest, and restorable into a fresh data folder. A backup also holds the folders
 * that {@link BackupContributor} services name (the media store's files), with the same checks.
 */
@ProviderType
public interface BackupService {

    /** Permission to take, verify and restore backups: the {@code dba} level of SEC-1. */
    String MANAGE = "backup.manage";
    /** Permission to see the list of backups. */
    String READ = "backup.read";

    BackupInfo run(Caller caller);

    /** Newest first. */
    List<BackupInfo> list(Caller caller);

    BackupVerification verify(Caller caller, String name);

    /**
     * Restores backup {@code name} into {@code dataFolder}, which must not hold a database yet: the
     * result is a Karaf data folder whose database has every row of the backup. Start Karaf on it
     * (or move its {@code derby} folder into place while Karaf is stopped) to bring the shop back.
     *
     * @return the database folder that was created
     */
    Path restoreInto(Caller caller, String name, Path dataFolder);

    /**
     * Like {@link #restoreInto(Caller, String, Path)}, and says where the backup's contributed
     * folders were put: below {@code dataFolder} at the place they had below the data folder when
     * the backup was taken ({@code media}), or at {@code dataFolder/<name>} for a folder that was
     * outside it. Refuses, before anything is written, when one of those places is not empty.
     *
     * @since 1.1
     */
    BackupRestore restore(Caller caller, String name, Path dataFolder);
}
