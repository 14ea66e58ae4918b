package org.wubu.approvals.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A request for approval as stored by the engine: who asked for what, the chain frozen when it was
 * submitted, and every decision taken so far.
 *
 * @param id               stable id
 * @param kind             the {@link ApprovalKind#id()}
 * @param subject          what it changes, in the owning area's words, e.g. {@code product:SKU-1}
 * @param payload          exactly what will change, as JSON the owning area understands and renders
 * @param summary          one line for lists, e.g. "SKU-1 129.00 → 119.00 CNY"
 * @param requester        username of who asked
 * @param createdAt        when it was submitted
 * @param state            where it stands
 * @param chain            the steps, as configured when it was submitted
 * @param currentStep      index of the step waiting for a decision while {@link ApprovalState#PENDING}
 * @param allowSameDecider whether one person may decide several steps (four-eyes waived by configuration)
 * @param decisions        the decisions taken, in step order
 * @param approvedAt       when the final approval was given, or null
 * @param dueAt            when the change must be applied by (final approval + the kind's deadline), or null
 * @param appliedAt        when the owning area applied it, or null
 * @param applyError       why the last attempt to apply it failed, or null
 */
public record ApprovalRequest(long id, String kind, String subject, String payload, String summary, String requester,
                              Instant createdAt, ApprovalState state, List<ApprovalStep> chain, int currentStep,
                              boolean allowSameDecider, List<ApprovalDecision> decisions, Instant approvedAt,
                              Instant dueAt, Instant appliedAt, String applyError) {

    public ApprovalRequest {
        chain = List.copyOf(chain);
        decisions = List.copyOf(decisions);
    }

    /** The step waiting for a decision, empty unless the request is pending. */
    public Optional<ApprovalStep> pendingStep() {
        return state == ApprovalState.PENDING && currentStep < chain.size()
                ? Optional.of(chain.get(currentStep)) : Optional.empty();
    }

    /** The decision taken on a step, if any. */
    public Optional<ApprovalDecision> decisionOf(int step) {
        return decisions.stream().filter(d -> d.step() == step).findFirst();
    }

    /** Whether the request was approved but not applied by its due time. */
    public boolean overdueAt(Instant now) {
        return dueAt != null && (state == ApprovalState.APPROVED || state == ApprovalState.APPLY_FAILED)
                && !now.isBefore(dueAt);
    }
}
