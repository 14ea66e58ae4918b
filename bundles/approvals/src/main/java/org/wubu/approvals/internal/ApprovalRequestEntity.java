package org.wubu.approvals.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.wubu.approvals.api.ApprovalDecision;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalState;
import org.wubu.approvals.api.ApprovalStep;

/**
 * The stored form of a request. Its steps and decisions are separate rows (loaded in bulk for lists);
 * changes of state go through the methods below, under the optimistic lock of {@link #version}.
 */
@Entity
@Table(name = "APPROVAL_REQUEST")
public class ApprovalRequestEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "KIND", nullable = false, length = 100)
    private String kind;

    @Column(name = "SUBJECT", nullable = false, length = 300)
    private String subject;

    @Column(name = "SUMMARY", nullable = false, length = 500)
    private String summary;

    @Column(name = "PAYLOAD", nullable = false, length = 16000)
    private String payload;

    @Column(name = "REQUESTER", nullable = false, length = 100)
    private String requester;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false, length = 20)
    private ApprovalState state;

    @Column(name = "CURRENT_STEP", nullable = false)
    private int currentStep;

    /** 1 or 0 (see the migration: portable between Derby and PostgreSQL). */
    @Column(name = "ALLOW_SAME_DECIDER", nullable = false)
    private int allowSameDecider;

    @Column(name = "DEADLINE_SECONDS")
    private Long deadlineSeconds;

    @Column(name = "APPROVED_AT")
    private LocalDateTime approvedAt;

    @Column(name = "DUE_AT")
    private LocalDateTime dueAt;

    @Column(name = "APPLIED_AT")
    private LocalDateTime appliedAt;

    @Column(name = "APPLY_ATTEMPTS", nullable = false)
    private int applyAttempts;

    @Column(name = "APPLY_ERROR", length = 2000)
    private String applyError;

    @Column(name = "NEXT_ATTEMPT_AT")
    private LocalDateTime nextAttemptAt;

    @Column(name = "OVERDUE_NOTIFIED_AT")
    private LocalDateTime overdueNotifiedAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected ApprovalRequestEntity() {
        // for JPA
    }

    ApprovalRequestEntity(String kind, String subject, String summary, String payload, String requester, Instant createdAt,
                          boolean allowSameDecider, Duration deadline) {
        this.kind = kind;
        this.subject = subject;
        this.summary = summary;
        this.payload = payload;
        this.requester = requester;
        this.createdAt = utc(createdAt);
        this.state = ApprovalState.PENDING;
        this.currentStep = 0;
        this.allowSameDecider = allowSameDecider ? 1 : 0;
        this.deadlineSeconds = deadline == null ? null : deadline.getSeconds();
    }

    long id() {
        return id;
    }

    String kind() {
        return kind;
    }

    ApprovalState state() {
        return state;
    }

    int currentStep() {
        return currentStep;
    }

    int applyAttempts() {
        return applyAttempts;
    }

    /** The next step waits for a decision. */
    void advance() {
        currentStep++;
    }

    void reject() {
        state = ApprovalState.REJECTED;
    }

    /** The final approval: the deadline, if any, runs from now. */
    void approve(Instant now) {
        state = ApprovalState.APPROVED;
        approvedAt = utc(now);
        dueAt = deadlineSeconds == null ? null : utc(now.plusSeconds(deadlineSeconds));
    }

    /** Whether a node may start delivering now: approved and not leased, or failed and due for a retry. */
    boolean deliverable(Instant now, boolean ignoreBackoff) {
        if (state == ApprovalState.APPROVED) {
            return nextAttemptAt == null || !utc(now).isBefore(nextAttemptAt);
        }
        return state == ApprovalState.APPLY_FAILED && (ignoreBackoff || nextAttemptAt == null || !utc(now).isBefore(nextAttemptAt));
    }

    /** Takes the delivery: other nodes leave it alone until the lease ends. */
    void claim(Instant leaseUntil) {
        state = ApprovalState.APPROVED;
        applyAttempts++;
        nextAttemptAt = utc(leaseUntil);
    }

    void applied(Instant now) {
        state = ApprovalState.APPLIED;
        appliedAt = utc(now);
        applyError = null;
        nextAttemptAt = null;
    }

    void applyFailed(String error, Instant retryAt) {
        state = ApprovalState.APPLY_FAILED;
        applyError = error;
        nextAttemptAt = utc(retryAt);
    }

    boolean overdueNotified() {
        return overdueNotifiedAt != null;
    }

    void markOverdueNotified(Instant now) {
        overdueNotifiedAt = utc(now);
    }

    ApprovalRequest toRequest(List<ApprovalStep> chain, List<ApprovalDecision> decisions) {
        return new ApprovalRequest(id, kind, subject, payload, summary, requester, instant(createdAt), state, chain,
                currentStep, allowSameDecider == 1, decisions, instant(approvedAt), instant(dueAt), instant(appliedAt), applyError);
    }

    /** UTC, truncated to milliseconds: what every database stores alike (PostgreSQL keeps microseconds, Derby nanos). */
    static LocalDateTime utc(Instant i) {
        return i == null ? null : LocalDateTime.ofInstant(i.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
