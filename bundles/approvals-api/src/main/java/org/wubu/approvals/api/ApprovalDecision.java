package org.wubu.approvals.api;

import java.time.Instant;

/**
 * One decision on a request: each step is decided once, by one person.
 *
 * @param step      index of the step in the request's chain, from 0
 * @param decider   username of who decided
 * @param decidedAt when
 * @param decision  approve or reject
 * @param comment   the decider's reason; always present for a rejection, may be null for an approval
 */
public record ApprovalDecision(int step, String decider, Instant decidedAt, Decision decision, String comment) {
}
