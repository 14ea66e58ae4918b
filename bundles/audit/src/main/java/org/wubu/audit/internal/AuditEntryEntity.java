package org.wubu.audit.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.wubu.platform.api.audit.AuditEntry;

/** The stored form of an audit entry. Only ever persisted, never merged or removed. */
@Entity
@Table(name = "AUDIT_ENTRY")
public class AuditEntryEntity {

    @Id
    @Column(name = "SEQ")
    private long sequence;

    /** UTC, truncated to milliseconds so that every database stores exactly what was hashed. */
    @Column(name = "OCCURRED_AT", nullable = false)
    private LocalDateTime occurredAt;

    @Column(name = "ACTOR", nullable = false, length = 100)
    private String actor;

    @Column(name = "ACTION", nullable = false, length = 100)
    private String action;

    @Column(name = "SUBJECT", nullable = false, length = 300)
    private String subject;

    @Column(name = "DETAILS", nullable = false, length = 16000)
    private String details;

    @Column(name = "PREV_HASH", nullable = false, length = 64)
    private String previousHash;

    @Column(name = "HASH", nullable = false, length = 64)
    private String hash;

    protected AuditEntryEntity() {
        // for JPA
    }

    AuditEntryEntity(AuditEntry e) {
        this.sequence = e.sequence();
        this.occurredAt = LocalDateTime.ofInstant(e.time(), ZoneOffset.UTC);
        this.actor = e.actor();
        this.action = e.action();
        this.subject = e.subject();
        this.details = e.details();
        this.previousHash = e.previousHash();
        this.hash = e.hash();
    }

    AuditEntry toEntry() {
        return new AuditEntry(sequence, occurredAt.toInstant(ZoneOffset.UTC), actor, action, subject, details,
                previousHash.trim(), hash.trim());
    }
}
