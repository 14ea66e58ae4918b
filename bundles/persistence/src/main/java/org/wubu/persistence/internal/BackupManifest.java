package org.wubu.persistence.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The manifest.json written next to each database copy. Everything in it describes the copy itself
 * (row counts and the audit head are read from the copy, not from the live database), so that a
 * backup can be checked on its own, long after it was taken.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BackupManifest(int format, String name, String takenAt, String trigger, String database,
                      long sizeBytes, List<FileEntry> files, Map<String, Long> rowCounts,
                      Long auditHeadSequence, String auditHeadHash, String platformVersion) {

    static final String FILE_NAME = "manifest.json";
    static final int FORMAT = 1;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileEntry(String path, long size, String sha256) {
    }
}
