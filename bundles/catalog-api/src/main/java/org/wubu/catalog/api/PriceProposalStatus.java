package org.wubu.catalog.api;

/** Where a price proposal stands. The price changes only at {@link #APPLIED}. */
public enum PriceProposalStatus {
    /** Waiting for the marketing director. */
    PENDING,
    /** Approved; waiting for the content specialist to apply it. */
    APPROVED_AWAITING_APPLY,
    /** The new price is in force. Final. */
    APPLIED,
    /** Refused, withdrawn, or it could not be submitted. Final. */
    REJECTED
}
