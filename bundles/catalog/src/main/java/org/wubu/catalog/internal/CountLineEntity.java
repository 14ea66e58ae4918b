package org.wubu.catalog.internal;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.wubu.catalog.api.counts.CountLine;

/** One product of a count task: what was counted, against which book stock, and the adjustment it caused. */
@Entity
@Table(name = "CAT_COUNT_LINE")
public class CountLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "TASK_ID", nullable = false)
    private long taskId;

    @Column(name = "SKU", nullable = false, length = 64)
    private String sku;

    @Column(name = "TITLE_ZH", nullable = false, length = 200)
    private String titleZh;

    @Column(name = "TITLE_EN", nullable = false, length = 200)
    private String titleEn;

    @Column(name = "COUNTED")
    private Long counted;

    @Column(name = "BOOK_STOCK")
    private Long bookStock;

    @Column(name = "DIFF_QTY")
    private Long difference;

    @Column(name = "MOVEMENT_ID")
    private Long movementId;

    @Column(name = "NOTE", length = 500)
    private String note;

    @Column(name = "NOT_COUNTED_REASON", length = 500)
    private String notCountedReason;

    @Column(name = "COUNTED_BY", length = 100)
    private String countedBy;

    @Column(name = "COUNTED_AT")
    private LocalDateTime countedAt;

    protected CountLineEntity() {
        // for JPA
    }

    CountLineEntity(long taskId, String sku, String titleZh, String titleEn) {
        this.taskId = taskId;
        this.sku = sku;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
    }

    String sku() {
        return sku;
    }

    Long counted() {
        return counted;
    }

    /**
     * A count: the latest entry wins. {@code movementId} stays that of the line's latest adjustment when
     * a correction matches the (already adjusted) stock.
     */
    void counted(long counted, long bookStock, Long movementId, String note, String by, LocalDateTime at) {
        this.counted = counted;
        this.bookStock = bookStock;
        this.difference = counted - bookStock;
        if (movementId != null) {
            this.movementId = movementId;
        }
        this.note = note;
        this.notCountedReason = null;
        this.countedBy = by;
        this.countedAt = at;
    }

    void notCounted(String reason, String by, LocalDateTime at) {
        this.notCountedReason = reason;
        this.countedBy = by;
        this.countedAt = at;
    }

    CountLine toLine() {
        return new CountLine(sku, titleZh, titleEn, counted, bookStock, difference, movementId, note, notCountedReason, countedBy,
                Utc.of(countedAt));
    }
}
