package org.wubu.approvals.api;

import org.wubu.platform.api.Topics;

/**
 * EventAdmin topics of the approval engine ({@code wubu/approvals/<EVENT>}). Every event carries
 * {@link Topics#ACTOR}, {@link Topics#SUBJECT} (the request's subject), {@link Topics#TIME} and the
 * properties {@link #ID}, {@link #KIND} and {@link #STATE}.
 */
public final class ApprovalEvents {

    /** Property: the request id (a Long). */
    public static final String ID = "id";
    /** Property: the kind id. */
    public static final String KIND = "kind";
    /** Property: the request's state after the event. */
    public static final String STATE = "state";
    /** Property on {@link #DECIDED}: the decided step index (an Integer). */
    public static final String STEP = "step";
    /** Property on {@link #DECIDED}: APPROVE or REJECT. */
    public static final String DECISION = "decision";

    public static final String SUBMITTED = Topics.topic("approvals", "SUBMITTED");
    /** A step was decided (either way). */
    public static final String DECIDED = Topics.topic("approvals", "DECIDED");
    /** The final approval was given. */
    public static final String APPROVED = Topics.topic("approvals", "APPROVED");
    public static final String REJECTED = Topics.topic("approvals", "REJECTED");
    /** The owning area applied the change. */
    public static final String APPLIED = Topics.topic("approvals", "APPLIED");
    /** The owning area failed to apply it; it will be retried. */
    public static final String APPLY_FAILED = Topics.topic("approvals", "APPLY_FAILED");
    /** An approved request passed its due time without being applied (posted once per request). */
    public static final String OVERDUE = Topics.topic("approvals", "OVERDUE");

    private ApprovalEvents() {
    }
}
