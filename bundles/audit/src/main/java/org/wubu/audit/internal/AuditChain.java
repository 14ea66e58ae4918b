package org.wubu.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.wubu.platform.api.audit.AuditEntry;
import org.wubu.platform.api.chain.HashChain;

/** How an audit entry is hashed: its sequence, time, actor, action, subject and details, chained. */
final class AuditChain {

    private AuditChain() {
    }

    static AuditEntry next(AuditEntry previous, Instant time, String actor, String action, String subject, String details) {
        long seq = previous == null ? 1 : previous.sequence() + 1;
        String prevHash = previous == null ? HashChain.GENESIS : previous.hash();
        Instant t = time.truncatedTo(ChronoUnit.MILLIS);
        return new AuditEntry(seq, t, actor, action, subject, details, prevHash, hash(seq, t, actor, action, subject, details, prevHash));
    }

    static String hash(long seq, Instant time, String actor, String action, String subject, String details, String prevHash) {
        return HashChain.link(prevHash, Long.toString(seq), time.toString(), actor, action, subject, details);
    }

    /** Why the entry does not follow {@code previous} in the chain, or null when it does. */
    static String problem(AuditEntry previous, AuditEntry e) {
        long expectedSeq = previous == null ? 1 : previous.sequence() + 1;
        if (e.sequence() != expectedSeq) {
            return "expected entry " + expectedSeq + " next, found " + e.sequence() + " (entries were removed)";
        }
        String expectedPrev = previous == null ? HashChain.GENESIS : previous.hash();
        if (!e.previousHash().equals(expectedPrev)) {
            return "its link to the previous entry does not match (the chain was cut or reordered)";
        }
        if (!hash(e.sequence(), e.time(), e.actor(), e.action(), e.subject(), e.details(), e.previousHash()).equals(e.hash())) {
            return "its content does not match its hash (the entry was altered)";
        }
        return null;
    }
}
