package org.wubu.approvals.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;

/**
 * The approval engine. Every method takes the caller; refusals are
 * {@link org.wubu.platform.api.WubuException}s with stable codes:
 * {@link #OWN_REQUEST}, {@link #FOUR_EYES}, {@link #NOT_YOUR_STEP}, {@link #NOT_PENDING},
 * {@link #ALREADY_DECIDED}, {@link #MODULE_NOT_RUNNING}, plus validation, permission and not-found.
 */
@ProviderType
public interface ApprovalService {

    /** Permission to read every request, not only one's own and those one may decide. */
    String READ_ALL = "approvals.read";
    /**
     * Needed, besides holding the step's role or permission, to decide anything: a decision changes
     * data, so read-only accounts (the reader level of SEC-1) never hold it.
     */
    String DECIDE = "approvals.decide";

    /** Refusal: the requester may not decide their own request. */
    String OWN_REQUEST = "own-request";
    /** Refusal: the caller already decided another step of this request (four eyes). */
    String FOUR_EYES = "four-eyes";
    /** Refusal: the caller holds neither the role nor the permission of the current step. */
    String NOT_YOUR_STEP = "not-your-step";
    /** Refusal: the request is not waiting for a decision any more. */
    String NOT_PENDING = "not-pending";
    /** Refusal: the step was decided by someone else meanwhile. */
    String ALREADY_DECIDED = "already-decided";
    /** Refusal: no module handles the kind right now (stopped or unknown). */
    String MODULE_NOT_RUNNING = "module-not-running";

    int MAX_SUBJECT = 300;
    int MAX_SUMMARY = 500;
    int MAX_PAYLOAD = 16000;
    int MAX_COMMENT = 2000;
    /** Most requests {@link #inbox} and {@link #overdue} return (oldest first). */
    int MAX_OPEN = 500;
    /** Most requests a page of {@link #mine} returns. */
    int MAX_PAGE = 200;

    /**
     * Submits a change for approval. The kind's handler validates the payload and the requester's
     * right to propose it; the effective chain is frozen with the request.
     */
    ApprovalRequest submit(Caller requester, String kind, String subject, String payload, String summary);

    /**
     * Decides the current step. A rejection needs a comment and ends the request; the last approval
     * hands the change to the owning area (the answer then shows APPLIED, APPLY_FAILED, or APPROVED
     * while the area is not running).
     */
    ApprovalRequest decide(Caller decider, long id, Decision decision, String comment);

    /**
     * Like {@link #decide(Caller, long, Decision, String)}, but only if {@code step} is still the
     * current step: a decider who looked at step 1 never approves step 2 by accident.
     */
    ApprovalRequest decide(Caller decider, long id, int step, Decision decision, String comment);

    /** Pending requests whose current step the caller may decide now, oldest first. */
    List<ApprovalRequest> inbox(Caller caller);

    /** The caller's own requests, newest first, with ids below {@code before} (null: from the newest). */
    List<ApprovalRequest> mine(Caller caller, Long before, int limit);

    /** One request, if the caller asked for it, decided or may decide a step of it, or holds {@link #READ_ALL}. */
    ApprovalRequest get(Caller caller, long id);

    /** The owning area's rendering of the change, empty while its module is not running. */
    Optional<String> render(Caller caller, long id, Locale locale);

    /** Approved requests not applied by their due time that the caller may read, oldest first. */
    List<ApprovalRequest> overdue(Caller caller);

    /** The kinds whose modules are running, with the chains and settings now in force. */
    List<ApprovalKind> kinds();
}
