package org.wubu.platform.api.audit;

import java.time.Instant;

/**
 * One entry of the audit log, as stored: who did what to which subject, when, and the hash that
 * chains it to the entry before. Entries are only ever inserted.
 */
public record AuditEntry(long sequence, Instant time, String actor, String action, String subject,
                         String details, String previousHash, String hash) {
}
