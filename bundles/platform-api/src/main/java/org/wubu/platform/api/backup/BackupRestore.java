package org.wubu.platform.api.backup;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a restore created in the fresh data folder.
 *
 * @param name     the backup restored
 * @param database the database folder created, e.g. {@code <data>/derby/wubu}
 * @param folders  the contributed folders put back ({@link BackupContributor#name()} → where they are now),
 *                 e.g. {@code media → <data>/media}; empty for a backup taken without any
 */
public record BackupRestore(String name, Path database, Map<String, Path> folders) {

    public BackupRestore {
        folders = Map.copyOf(folders);
    }
}
