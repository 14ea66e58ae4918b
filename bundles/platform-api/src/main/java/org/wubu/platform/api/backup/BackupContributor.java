package org.wubu.platform.api.backup;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A folder of files that belong to the shop's data but are not database rows (the media store's
 * images, videos and documents), registered as an OSGi service by the bundle that owns them, so
 * that every backup copies it next to the database and a restore puts it back. The backup service
 * knows only this interface, never the owning bundle.
 *
 * <p>A backup copies the regular files below {@link #folder()} for which {@link #includes(String)}
 * holds, after the database copy: a file written later is simply not in this backup. Files whose
 * name ends in {@code .part} are never copied (work in progress by convention). Finished files
 * should be written elsewhere and moved into place, never rewritten where they lie; a copy still
 * describes exactly the bytes it holds, but a half-rewritten file would be kept half-written.
 */
@ConsumerType
public interface BackupContributor {

    /**
     * Short, stable name of the folder in the backup ({@code media}): lower-case letters, digits
     * and dashes, unique among contributors. A backup fails, saying why, rather than leave out
     * the folder of a contributor whose name is not like that.
     */
    String name();

    /** The folder as it is now; it need not exist yet (nothing to copy then). */
    Path folder();

    /**
     * Whether the file at {@code relativePath} (below {@link #folder()}, with {@code /} as the
     * separator) belongs in a backup; e.g. the media store leaves out its {@code .incoming/} uploads.
     */
    default boolean includes(String relativePath) {
        return true;
    }
}
