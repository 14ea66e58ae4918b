package org.wubu.approvals.api;

/** Where a request stands. */
public enum ApprovalState {
    /** Waiting for the decision of its current step. */
    PENDING,
    /** A decider rejected it; nothing will change. Final. */
    REJECTED,
    /** Every step approved; waiting to be applied by the owning area (for example while it is stopped). */
    APPROVED,
    /** The owning area applied the change. Final. */
    APPLIED,
    /** The owning area failed to apply it; the engine retries later (see {@link ApprovalRequest#applyError()}). */
    APPLY_FAILED;

    /** Whether nothing more will happen to the request. */
    public boolean isFinal() {
        return this == REJECTED || this == APPLIED;
    }
}
