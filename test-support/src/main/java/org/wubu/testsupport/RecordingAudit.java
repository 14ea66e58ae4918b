package org.wubu.testsupport;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.audit.AuditEntry;
import org.wubu.platform.api.audit.AuditPage;
import org.wubu.platform.api.audit.AuditQuery;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.chain.ChainHead;
import org.wubu.platform.api.chain.ChainVerification;

/** An audit log that only remembers "action subject" of each entry, for assertions. */
public final class RecordingAudit implements AuditService {

    /** "action subject", in order. */
    public final List<String> recorded = new CopyOnWriteArrayList<>();

    @Override
    public AuditEntry record(Caller actor, String action, String subject, String details) {
        recorded.add(action + " " + subject);
        return null;
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
        return recorded.size();
    }
}
