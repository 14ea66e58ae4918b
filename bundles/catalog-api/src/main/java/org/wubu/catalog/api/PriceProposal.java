package org.wubu.catalog.api;

import java.time.Instant;
import org.wubu.platform.api.Money;

/**
 * A proposed price change (CAT-1) and its way through approval and application.
 *
 * @param id         the proposal id, used to apply it
 * @param approvalId the approval request deciding it, or null before it was submitted
 */
public record PriceProposal(long id, Long approvalId, String sku, Money oldPrice, Money newPrice,
                            CompetitorEvidence evidence, String reason, PriceProposalStatus status,
                            String proposedBy, Instant proposedAt, String appliedBy, Instant appliedAt) {
}
