package org.wubu.approvals.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import org.wubu.approvals.api.ApprovalDecision;
import org.wubu.approvals.api.Decision;

/** The decision on one step. Only ever persisted; the primary key allows one per step. */
@Entity
@Table(name = "APPROVAL_DECISION")
@IdClass(StepKey.class)
public class ApprovalDecisionEntity {

    @Id
    @Column(name = "REQUEST_ID")
    private long requestId;

    @Id
    @Column(name = "STEP_NO")
    private int stepNo;

    @Column(name = "DECIDER", nullable = false, length = 100)
    private String decider;

    @Column(name = "DECIDED_AT", nullable = false)
    private LocalDateTime decidedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "DECISION", nullable = false, length = 10)
    private Decision decision;

    @Column(name = "DECISION_COMMENT", length = 2000)
    private String comment;

    protected ApprovalDecisionEntity() {
        // for JPA
    }

    ApprovalDecisionEntity(long requestId, int stepNo, String decider, Instant decidedAt, Decision decision, String comment) {
        this.requestId = requestId;
        this.stepNo = stepNo;
        this.decider = decider;
        this.decidedAt = ApprovalRequestEntity.utc(decidedAt);
        this.decision = decision;
        this.comment = comment;
    }

    long requestId() {
        return requestId;
    }

    ApprovalDecision toDecision() {
        return new ApprovalDecision(stepNo, decider, decidedAt.toInstant(ZoneOffset.UTC), decision, comment);
    }
}
