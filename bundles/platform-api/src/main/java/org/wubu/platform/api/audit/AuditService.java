package org.wubu.platform.api.audit;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.chain.ChainHead;
import org.wubu.platform.api.chain.ChainVerification;

/**
 * The tamper-evident audit log (SEC-4). Every area records each change of state here, in the same
 * business operation; entries are chained with {@link org.wubu.platform.api.chain.HashChain}.
 */
@ProviderType
public interface AuditService {

    /** Permission to read the audit log. */
    String READ = "audit.read";
    /** Permission to verify the chain. */
    String VERIFY = "audit.verify";

    /**
     * Appends an entry. Needs no permission: whoever may make the change may have it recorded.
     *
     * @param actor   who did it
     * @param action  a stable verb such as {@code backup.run} or {@code catalog.price.approve}
     * @param subject what it was done to, e.g. {@code product:SKU-1}
     * @param details a short human-readable or JSON description of the change
     */
    AuditEntry record(Caller actor, String action, String subject, String details);

    AuditPage list(Caller caller, AuditQuery query);

    /** Walks the whole chain from the first entry; needs {@link #VERIFY}. */
    ChainVerification verify(Caller caller);

    /** The newest entry's sequence and hash, empty while the log is empty. */
    Optional<ChainHead> head();

    /** How many entries the log holds. */
    long count();
}
