package org.wubu.catalog.internal;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.wubu.catalog.api.StockMovement;
import org.wubu.catalog.api.StockMovementKind;

/** One entry of the stock ledger. Only ever inserted. */
@Entity
@Table(name = "CAT_STOCK_MOVEMENT")
public class StockMovementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "SKU", nullable = false, length = 64)
    private String sku;

    @Column(name = "KIND", nullable = false, length = 20)
    private String kind;

    @Column(name = "QUANTITY", nullable = false)
    private long quantity;

    @Column(name = "CHANGE_QTY", nullable = false)
    private long change;

    @Column(name = "STOCK_AFTER", nullable = false)
    private long stockAfter;

    @Column(name = "ACTOR", nullable = false, length = 100)
    private String actor;

    @Column(name = "REASON", nullable = false, length = 500)
    private String reason;

    @Column(name = "OCCURRED_AT", nullable = false)
    private LocalDateTime occurredAt;

    protected StockMovementEntity() {
        // for JPA
    }

    StockMovementEntity(String sku, StockMovementKind kind, long quantity, long change, long stockAfter, String actor,
                        String reason, LocalDateTime at) {
        this.sku = sku;
        this.kind = kind.name();
        this.quantity = quantity;
        this.change = change;
        this.stockAfter = stockAfter;
        this.actor = actor;
        this.reason = reason;
        this.occurredAt = at;
    }

    StockMovement toMovement() {
        return new StockMovement(id, sku, StockMovementKind.valueOf(kind), quantity, change, stockAfter, actor, reason,
                Utc.of(occurredAt));
    }
}
