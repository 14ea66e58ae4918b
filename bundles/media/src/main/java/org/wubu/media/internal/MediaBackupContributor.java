package org.wubu.media.internal;

import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.wubu.platform.api.backup.BackupContributor;

/**
 * Names the media folder to the backups (DB-1), so that a restore brings the images back with the
 * rows that point at them. The stored files ({@code <2 hex>/<sha256>}) are written once, moved
 * into place when complete and never changed; uploads in progress ({@code .incoming/}) are left out.
 * Follows {@code etc/org.wubu.media.cfg} like the store itself: a new folder is named at the next backup.
 */
@Component(service = BackupContributor.class, configurationPid = "org.wubu.media")
public class MediaBackupContributor implements BackupContributor {

    static final String NAME = "media";

    private final Path folder;

    @Activate
    public MediaBackupContributor(MediaConfig config) {
        this(FileMediaStore.folderOf(config));
    }

    MediaBackupContributor(Path folder) {
        this.folder = folder;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public boolean includes(String relativePath) {
        return !relativePath.startsWith(FileMediaStore.INCOMING + "/");
    }
}
