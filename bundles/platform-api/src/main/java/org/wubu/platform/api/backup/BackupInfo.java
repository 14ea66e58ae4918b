package org.wubu.platform.api.backup;

import java.time.Instant;
import java.util.Map;
import org.wubu.platform.api.chain.ChainHead;

/**
 * What a backup's manifest says about it.
 *
 * @param name      the backup's folder name, e.g. {@code 2026-11-27T03-00-00Z}
 * @param takenAt   when the copy was taken
 * @param trigger   who or what asked for it: a username, {@code schedule} or {@code catch-up}
 * @param sizeBytes total size of the copied files
 * @param rowCounts rows per table at the time of the copy
 * @param auditHead the audit chain head at the time of the copy, or null if the log was empty
 */
public record BackupInfo(String name, Instant takenAt, String trigger, long sizeBytes,
                         Map<String, Long> rowCounts, ChainHead auditHead) {

    public BackupInfo {
        rowCounts = Map.copyOf(rowCounts);
    }
}
