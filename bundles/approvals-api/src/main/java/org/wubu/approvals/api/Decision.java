package org.wubu.approvals.api;

/** What a decider says about the current step of a request. */
public enum Decision {
    APPROVE,
    REJECT
}
