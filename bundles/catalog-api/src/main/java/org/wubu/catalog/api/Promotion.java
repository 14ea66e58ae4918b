package org.wubu.catalog.api;

import java.time.Instant;
import java.util.List;
import org.wubu.platform.api.Money;

/**
 * A promotion as stored (CAT-4).
 *
 * @param id           the promotion id
 * @param approvalId   the approval request deciding it, or null before it was submitted
 * @param status       where it stands at the time it was read ({@link PromotionStatus#ENDED} is derived from time)
 * @param approvedAt   when the marketing director approved it, or null
 * @param cancelReason why it was cancelled, or null
 */
public record Promotion(long id, Long approvalId, String nameZh, String nameEn, PromotionKind kind, Integer percentOff,
                        Money fixedPrice, List<String> skus, List<String> categories, Instant startAt, Instant endAt,
                        PromotionStatus status, String proposedBy, Instant proposedAt, Instant approvedAt,
                        String appliedBy, Instant appliedAt, String cancelledBy, Instant cancelledAt, String cancelReason) {

    public Promotion {
        skus = List.copyOf(skus);
        categories = List.copyOf(categories);
    }

    /** Whether it sets prices at that time: applied, and {@code startAt <= at < endAt}. */
    public boolean inEffectAt(Instant at) {
        return (status == PromotionStatus.ACTIVE || status == PromotionStatus.ENDED) && appliedAt != null
                && !at.isBefore(startAt) && at.isBefore(endAt);
    }
}
