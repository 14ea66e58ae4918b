package org.wubu.approvals.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import org.wubu.approvals.api.ApprovalStep;

/** A step of a request's chain, frozen at submission. Only ever persisted. */
@Entity
@Table(name = "APPROVAL_STEP")
@IdClass(StepKey.class)
public class ApprovalStepEntity {

    @Id
    @Column(name = "REQUEST_ID")
    private long requestId;

    @Id
    @Column(name = "STEP_NO")
    private int stepNo;

    @Column(name = "ROLE_NAME", length = 100)
    private String roleName;

    @Column(name = "PERMISSION", length = 100)
    private String permission;

    @Column(name = "LABEL_EN", nullable = false, length = 200)
    private String labelEn;

    @Column(name = "LABEL_ZH", nullable = false, length = 200)
    private String labelZh;

    protected ApprovalStepEntity() {
        // for JPA
    }

    ApprovalStepEntity(long requestId, int stepNo, ApprovalStep step) {
        this.requestId = requestId;
        this.stepNo = stepNo;
        this.roleName = step.role();
        this.permission = step.permission();
        this.labelEn = step.labelEn();
        this.labelZh = step.labelZh();
    }

    long requestId() {
        return requestId;
    }

    int stepNo() {
        return stepNo;
    }

    ApprovalStep toStep() {
        return new ApprovalStep(roleName, permission, labelEn, labelZh);
    }
}
