package org.wubu.approvals.internal;

import java.util.Map;
import org.wubu.approvals.api.ApprovalDecision;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.approvals.api.ApprovalState;
import org.wubu.approvals.api.ApprovalStep;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.WubuException;

/** Who may decide and who may read a request: the rules, apart from storage. */
final class DecisionRules {

    private DecisionRules() {
    }

    /** Why the caller may not decide the request's current step now, or null when they may. */
    static WubuException refusal(ApprovalRequest r, Caller caller) {
        Map<String, Object> details = Map.of("id", r.id(), "state", r.state().name());
        if (r.state() != ApprovalState.PENDING) {
            return new WubuException(ApprovalService.NOT_PENDING, "request #" + r.id() + " is "
                    + r.state().name().toLowerCase().replace('_', ' ') + " and takes no more decisions", details);
        }
        if (caller.username().equals(r.requester())) {
            return new WubuException(ApprovalService.OWN_REQUEST, "you asked for request #" + r.id()
                    + "; someone else must decide it", details);
        }
        if (!caller.hasPermission(ApprovalService.DECIDE)) {
            // A decision changes data: read-only (reader level) accounts never decide, whatever their role.
            return new WubuException(ApprovalService.NOT_YOUR_STEP, caller.username() + " may read but not decide"
                    + " approval requests (permission " + ApprovalService.DECIDE + ")",
                    Map.of("id", r.id(), "permission", ApprovalService.DECIDE));
        }
        ApprovalStep step = r.chain().get(r.currentStep());
        String stepName = "step " + (r.currentStep() + 1) + " of " + r.chain().size();
        if (!step.heldBy(caller)) {
            return new WubuException(ApprovalService.NOT_YOUR_STEP, stepName + " of request #" + r.id() + " is decided by "
                    + (step.role() != null ? "the role " + step.role() : "the permission " + step.permission())
                    + " (" + step.labelEn() + "), which " + caller.username() + " does not hold",
                    Map.of("id", r.id(), "step", r.currentStep(), "needs", step.spec()));
        }
        if (!r.allowSameDecider()) {
            for (ApprovalDecision d : r.decisions()) {
                if (d.decider().equals(caller.username())) {
                    return new WubuException(ApprovalService.FOUR_EYES, "you already decided step " + (d.step() + 1)
                            + " of request #" + r.id() + "; another person must decide " + stepName + " (four eyes)",
                            Map.of("id", r.id(), "step", r.currentStep(), "decidedStep", d.step()));
                }
            }
        }
        return null;
    }

    /** The requester, its deciders, whoever may decide one of its steps, and holders of READ_ALL. */
    static boolean mayRead(ApprovalRequest r, Caller caller) {
        return caller.hasPermission(ApprovalService.READ_ALL)
                || caller.username().equals(r.requester())
                || r.decisions().stream().anyMatch(d -> d.decider().equals(caller.username()))
                || r.chain().stream().anyMatch(s -> s.heldBy(caller));
    }
}
