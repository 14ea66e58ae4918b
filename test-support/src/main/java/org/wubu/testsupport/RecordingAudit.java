package org.wubu.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.audit.AuditEntry;
import org.wubu.platform.api.audit.AuditPage;
import org.wubu.platform.api.audit.AuditQuery;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.chain.ChainHead;
import org.wubu.platform.api.chain.ChainVerification;

/** An audit log that keeps its entries in memory, unchained, for assertions. */
public final class RecordingAudit implements AuditService {

    /** Every entry, in order (hashes left empty). */
    public final List<AuditEntry> entries = new CopyOnWriteArrayList<>();
    /** "action subject" of every entry, in order. */
    public final List<String> recorded = new CopyOnWriteArrayList<>();

    @Override
    public AuditEntry record(Caller actor, String action, String subject, String details) {
        AuditEntry e = new AuditEntry(entries.size() + 1, Instant.now(), actor.username(), action, subject, details, "", "");
        entries.add(e);
        recorded.add(action + " " + subject);
        return e;
    }

    /** "actor action" of the entries about a subject, in order. */
    public List<String> actions(String subject) {
        return entries.stream().filter(e -> e.subject().equals(subject)).map(e -> e.actor() + " " + e.action())
                .collect(Collectors.toList());
    }

    @Override
    public AuditPage list(Caller caller, AuditQuery query) {
        throw new UnsupportedOperationException("a recording audit log cannot be listed");
    }

    @Override
    public ChainVerification verify(Caller caller) {
        throw new UnsupportedOperationException("a recording audit log has no chain");
    }

    @Override
    public Optional<ChainHead> head() {
        return Optional.empty();
    }

    @Override
    public long count() {
        return entries.size();
    }
}
