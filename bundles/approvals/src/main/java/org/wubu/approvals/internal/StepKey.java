package org.wubu.approvals.internal;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of a step and of its decision: the request and the step's index. */
public class StepKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private long requestId;
    private int stepNo;

    public StepKey() {
        // for JPA
    }

    StepKey(long requestId, int stepNo) {
        this.requestId = requestId;
        this.stepNo = stepNo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepKey k && k.requestId == requestId && k.stepNo == stepNo;
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestId, stepNo);
    }
}
