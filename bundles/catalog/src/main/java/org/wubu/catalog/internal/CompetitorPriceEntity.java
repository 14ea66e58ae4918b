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
import org.wubu.catalog.api.market.CompetitorPrice;
import org.wubu.platform.api.Money;

/** A competitor's price as recorded by the market team (CAT-8). Only ever inserted. */
@Entity
@Table(name = "CAT_COMPETITOR_PRICE")
public class CompetitorPriceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "SKU", nullable = false, length = 64)
    private String sku;

    @Column(name = "COMPETITOR", nullable = false, length = 200)
    private String competitor;

    @Column(name = "PRICE", nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency;

    @Column(name = "WHERE_SEEN", nullable = false, length = 500)
    private String whereSeen;

    @Column(name = "SEEN_AT", nullable = false)
    private LocalDateTime seenAt;

    @Column(name = "NOTE", length = 1000)
    private String note;

    @Column(name = "RECORDED_BY", nullable = false, length = 100)
    private String recordedBy;

    @Column(name = "RECORDED_AT", nullable = false)
    private LocalDateTime recordedAt;

    protected CompetitorPriceEntity() {
        // for JPA
    }

    CompetitorPriceEntity(String sku, String competitor, Money price, String whereSeen, LocalDateTime seenAt, String note,
                          String recordedBy, LocalDateTime recordedAt) {
        this.sku = sku;
        this.competitor = competitor;
        this.price = price.amount();
        this.currency = price.currency().getCurrencyCode();
        this.whereSeen = whereSeen;
        this.seenAt = seenAt;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    CompetitorPrice toRecord() {
        return new CompetitorPrice(id, sku, competitor, new Money(price, Currency.getInstance(currency.trim())), whereSeen,
                Utc.of(seenAt), note, recordedBy, Utc.of(recordedAt));
    }
}
