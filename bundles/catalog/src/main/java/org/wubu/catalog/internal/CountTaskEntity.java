package org.wubu.catalog.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.wubu.catalog.api.counts.CountTaskStatus;

/** A stock count task (CAT-5). Its lines are {@link CountLineEntity} rows; their tallies are counted by query. */
@Entity
@Table(name = "CAT_COUNT_TASK")
public class CountTaskEntity {

    /** The scope stored for "every product". */
    static final String ALL = "*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "DUE_DATE", nullable = false)
    private LocalDate dueDate;

    @Column(name = "CATEGORY_SCOPE", nullable = false, length = 200)
    private String scope;

    @Column(name = "STATUS", nullable = false, length = 10)
    private String status;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "COMPLETED_BY", length = 100)
    private String completedBy;

    @Column(name = "COMPLETED_AT")
    private LocalDateTime completedAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected CountTaskEntity() {
        // for JPA
    }

    CountTaskEntity(LocalDate dueDate, String scope, String createdBy, LocalDateTime createdAt) {
        this.dueDate = dueDate;
        this.scope = scope;
        this.status = CountTaskStatus.OPEN.name();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    long id() {
        return id;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    String scope() {
        return scope;
    }

    /** The category, or null for every product. */
    String category() {
        return ALL.equals(scope) ? null : scope;
    }

    CountTaskStatus status() {
        return CountTaskStatus.valueOf(status);
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    String completedBy() {
        return completedBy;
    }

    LocalDateTime completedAt() {
        return completedAt;
    }

    void complete(String by, LocalDateTime at) {
        this.status = CountTaskStatus.DONE.name();
        this.completedBy = by;
        this.completedAt = at;
    }
}
