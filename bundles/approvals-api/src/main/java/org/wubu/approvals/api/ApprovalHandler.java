package org.wubu.approvals.api;

import java.util.Locale;
import org.osgi.annotation.versioning.ConsumerType;
import org.wubu.platform.api.Caller;

/**
 * What an owning area registers, as an OSGi service, for each approval kind it owns (whiteboard):
 * <pre>{@code
 * @Component(property = ApprovalHandler.KIND + "=catalog.price-change")
 * public class PriceChangeApprovals implements ApprovalHandler { ... }
 * }</pre>
 * While no handler of a kind is registered (its bundle is stopped), new requests of that kind are
 * refused and fully approved ones wait; they are applied as soon as a handler comes back.
 */
@ConsumerType
public interface ApprovalHandler {

    /** Service property: the {@link ApprovalKind#id()} the handler serves; must equal {@code kind().id()}. */
    String KIND = "wubu.approval.kind";

    /** The kind, with its default chain and deadline. */
    ApprovalKind kind();

    /**
     * Checks a request before it is stored: throws {@link org.wubu.platform.api.ValidationException}
     * naming every bad field of the payload, or {@link org.wubu.platform.api.PermissionDeniedException}
     * when the requester may not propose this change. Must not change anything.
     */
    void validate(Caller requester, String payload);

    /** The change in readable words for a reviewer, in the locale's language (zh or en). */
    String render(ApprovalRequest request, Locale locale);

    /**
     * Applies a fully approved change, through the area's own service, in its own transaction,
     * with its own audit entry. Throwing means nothing was applied: the engine records the error
     * and calls again later. The engine delivers at least once: after a crash in the middle of
     * {@code apply} the same request may come again, so apply it idempotently (the request's
     * {@link ApprovalRequest#id()} identifies it).
     */
    void apply(ApprovalRequest request) throws Exception;
}
