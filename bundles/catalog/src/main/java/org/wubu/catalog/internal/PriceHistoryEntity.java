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
import org.wubu.catalog.api.PriceHistoryEntry;
import org.wubu.platform.api.Money;

/** One row of a product's price history. Only ever inserted. */
@Entity
@Table(name = "CAT_PRICE_HISTORY")
public class PriceHistoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "SKU", nullable = false, length = 64)
    private String sku;

    @Column(name = "OLD_PRICE", precision = 12, scale = 2)
    private BigDecimal oldPrice;

    @Column(name = "NEW_PRICE", nullable = false, precision = 12, scale = 2)
    private BigDecimal newPrice;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency;

    @Column(name = "CHANGED_BY", nullable = false, length = 100)
    private String changedBy;

    @Column(name = "CHANGED_AT", nullable = false)
    private LocalDateTime changedAt;

    @Column(name = "PROPOSAL_ID")
    private Long proposalId;

    @Column(name = "REASON", nullable = false, length = 2000)
    private String reason;

    protected PriceHistoryEntity() {
        // for JPA
    }

    PriceHistoryEntity(String sku, Money oldPrice, Money newPrice, String by, LocalDateTime at, Long proposalId, String reason) {
        this.sku = sku;
        this.oldPrice = oldPrice == null ? null : oldPrice.amount();
        this.newPrice = newPrice.amount();
        this.currency = newPrice.currency().getCurrencyCode();
        this.changedBy = by;
        this.changedAt = at;
        this.proposalId = proposalId;
        this.reason = reason;
    }

    PriceHistoryEntry toEntry() {
        Currency c = Currency.getInstance(currency.trim());
        return new PriceHistoryEntry(id, sku, oldPrice == null ? null : new Money(oldPrice, c), new Money(newPrice, c),
                changedBy, Utc.of(changedAt), proposalId, reason);
    }
}
