package org.wubu.persistence.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The manifest.json written next to each database copy. Everything in it describes the copy itself
 * (row counts and the audit head are read from the copy, not from the live database), so that a
 * backup can be checked on its own, long after it was taken.
 *
 * <p>{@code files} lists every file of the backup, the database's and those of the contributed
 * folders ({@code folders/<name>/...}); {@code folders} says where each contributed folder came
 * from and where a restore puts it. Format 1 (before contributed folders) has no {@code folders}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BackupManifest(int format, String name, String takenAt, String trigger, String database,
                      long sizeBytes, List<FileEntry> files, Map<String, Long> rowCounts,
                      Long auditHeadSequence, String auditHeadHash, String platformVersion,
                      List<FolderEntry> folders) {

    static final String FILE_NAME = "manifest.json";
    static final int FORMAT = 2;

    BackupManifest {
        folders = folders == null ? List.of() : List.copyOf(folders);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileEntry(String path, long size, String sha256) {
    }

    /**
     * A contributed folder (the media store's files).
     *
     * @param name      the contributor's name, e.g. {@code media}
     * @param path      where its files are in the backup, e.g. {@code folders/media}
     * @param restoreTo where a restore puts them, relative to the new data folder, e.g. {@code media}
     * @param source    the folder that was copied, as it was named on the machine that took the backup
     * @param fileCount files copied
     * @param bytes     their total size
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FolderEntry(String name, String path, String restoreTo, String source, long fileCount, long bytes) {
    }
}
