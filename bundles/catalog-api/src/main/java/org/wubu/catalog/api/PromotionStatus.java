package org.wubu.catalog.api;

/**
 * Where a promotion stands: {@code PENDING → APPROVED_AWAITING_APPLY → ACTIVE}, or {@code REJECTED} /
 * {@code CANCELLED}. {@code ENDED} is derived from time: a promotion that was not rejected or cancelled
 * is ended once its end time has passed. Only an {@code ACTIVE} promotion sets prices, and only from
 * its start until its end.
 */
public enum PromotionStatus {
    /** Waiting for the marketing director. */
    PENDING,
    /** Approved; waiting for the content specialist to apply it. */
    APPROVED_AWAITING_APPLY,
    /** Applied: it sets the effective price of its products between its start and its end. */
    ACTIVE,
    /** Refused by the marketing director, or it could not be submitted. Final. */
    REJECTED,
    /** Its end time has passed. Final. */
    ENDED,
    /** Withdrawn or stopped early, with a reason. Final. */
    CANCELLED
}
