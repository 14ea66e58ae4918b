package org.wubu.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Currency;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.wubu.catalog.api.CompetitorEvidence;
import org.wubu.catalog.api.PriceProposal;
import org.wubu.catalog.api.PriceProposalStatus;
import org.wubu.platform.api.Money;

/** The stored form of a price proposal. Its status moves on through guarded SQL updates. */
@Entity
@Table(name = "CAT_PRICE_PROPOSAL")
public class PriceProposalEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "SKU", nullable = false, length = 64)
    private String sku;

    @Column(name = "APPROVAL_ID")
    private Long approvalId;

    @Column(name = "OLD_PRICE", nullable = false, precision = 12, scale = 2)
    private BigDecimal oldPrice;

    @Column(name = "NEW_PRICE", nullable = false, precision = 12, scale = 2)
    private BigDecimal newPrice;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency;

    @Column(name = "COMPETITOR", nullable = false, length = 200)
    private String competitor;

    @Column(name = "COMPETITOR_PRICE", nullable = false, precision = 12, scale = 2)
    private BigDecimal competitorPrice;

    @Column(name = "WHERE_SEEN", nullable = false, length = 500)
    private String whereSeen;

    @Column(name = "SEEN_AT", nullable = false)
    private LocalDateTime seenAt;

    @Column(name = "REASON", nullable = false, length = 2000)
    private String reason;

    @Column(name = "STATUS", nullable = false, length = 30)
    private String status;

    @Column(name = "PROPOSED_BY", nullable = false, length = 100)
    private String proposedBy;

    @Column(name = "PROPOSED_AT", nullable = false)
    private LocalDateTime proposedAt;

    @Column(name = "APPROVED_AT")
    private LocalDateTime approvedAt;

    @Column(name = "APPLIED_BY", length = 100)
    private String appliedBy;

    @Column(name = "APPLIED_AT")
    private LocalDateTime appliedAt;

    protected PriceProposalEntity() {
        // for JPA
    }

    PriceProposalEntity(String sku, Money oldPrice, Money newPrice, CompetitorEvidence e, String reason, String by,
                        LocalDateTime at) {
        this.sku = sku;
        this.oldPrice = oldPrice.amount();
        this.newPrice = newPrice.amount();
        this.currency = newPrice.currency().getCurrencyCode();
        this.competitor = e.competitor();
        this.competitorPrice = e.theirPrice().amount();
        this.whereSeen = e.whereSeen();
        this.seenAt = Utc.of(e.seenAt());
        this.reason = reason;
        this.status = PriceProposalStatus.PENDING.name();
        this.proposedBy = by;
        this.proposedAt = at;
    }

    Long id() {
        return id;
    }

    void approvalId(long approvalId) {
        this.approvalId = approvalId;
    }

    PriceProposal toProposal() {
        Currency c = Currency.getInstance(currency.trim());
        return new PriceProposal(id, approvalId, sku, new Money(oldPrice, c), new Money(newPrice, c),
                new CompetitorEvidence(competitor, new Money(competitorPrice, c), whereSeen, Utc.of(seenAt)), reason,
                PriceProposalStatus.valueOf(status), proposedBy, Utc.of(proposedAt), appliedBy, Utc.of(appliedAt));
    }
}
