package org.wubu.approvals.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.wubu.approvals.internal.Fixtures.PRICE_CHANGE;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.wubu.approvals.api.ApprovalEvents;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.approvals.api.ApprovalKind;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.approvals.api.ApprovalState;
import org.wubu.approvals.api.ApprovalStep;
import org.wubu.approvals.api.Decision;
import org.wubu.approvals.internal.Fixtures.PriceChanges;
import org.wubu.testsupport.RecordingAudit;
import org.wubu.approvals.internal.Fixtures.RecordingEvents;
import org.wubu.testsupport.MovableClock;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;

/**
 * The approval engine on a real embedded Derby with EclipseLink, the tables made by the bundle's
 * migration; the audit log, the owning area and EventAdmin are simple fakes that record calls.
 */
public class ApprovalEngineTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Proposes price changes. */
    private static final Caller ALICE = new Caller("alice", Set.of("planner"), Set.of("catalog.price.propose"));
    /** The marketing director: decides step 1 by role. */
    private static final Caller BOB = new Caller("bob", Set.of("marketing-director"), Set.of(ApprovalService.DECIDE));
    /** Holds the approving permission: decides step 2. */
    private static final Caller CAROL = new Caller("carol", Set.of("gm"), Set.of("catalog.price.approve", ApprovalService.DECIDE));
    /** Holds both the role and the permission. */
    private static final Caller DAVE = new Caller("dave", Set.of("marketing-director"), Set.of("catalog.price.approve", "catalog.price.propose", ApprovalService.DECIDE));
    private static final Caller NOBODY = new Caller("nobody", Set.of(), Set.of());
    private static final Caller AUDITOR = new Caller("ivy", Set.of(), Set.of(ApprovalService.READ_ALL));

    private EmbeddedDataSource ds;
    private EntityManagerFactory emf;
    private final MovableClock clock = new MovableClock();
    private final RecordingAudit audit = new RecordingAudit();
    private final RecordingEvents events = new RecordingEvents();
    private final PriceChanges handler = new PriceChanges();
    private final List<ApprovalEngine> engines = new ArrayList<>();
    private ApprovalEngine engine;

    @Before
    public void setUp() throws Exception {
        ds = Fixtures.database();
        emf = Fixtures.persistenceUnit(ds);
        engine = start(ApprovalSettings.defaults());
    }

    @After
    public void tearDown() {
        engines.forEach(ApprovalEngine::deactivate);
        emf.close();
        Fixtures.shutdown(ds);
    }

    /** A started engine, as DS would activate it, with the owning area's handler bound. */
    private ApprovalEngine start(ApprovalSettings settings) throws InterruptedException {
        ApprovalEngine e = new ApprovalEngine(emf, clock, audit, settings, Duration.ofHours(1));
        e.eventAdmin = events;
        engines.add(e);
        e.bindHandler(handler, Map.of(ApprovalHandler.KIND, PRICE_CHANGE, "service.id", 7L));
        idle(e);
        return e;
    }

    private static void idle(ApprovalEngine e) throws InterruptedException {
        assertTrue("the engine's thread did not finish within " + WAIT, e.awaitIdle(WAIT));
    }

    private ApprovalRequest submit(Caller requester) {
        return engine.submit(requester, PRICE_CHANGE, "product:SKU-1", "{\"sku\":\"SKU-1\",\"price\":\"119.00\"}", "SKU-1 129.00 → 119.00 CNY");
    }

    private static String code(Runnable r) {
        WubuException e = assertThrows(WubuException.class, r::run);
        return e.code();
    }

    // ---- the chain ----------------------------------------------------------------------------

    @Test
    public void twoStepChainAppliesOnlyAfterTheSecondApproval() {
        ApprovalRequest r = submit(ALICE);
        assertEquals(ApprovalState.PENDING, r.state());
        assertEquals(List.of("role:marketing-director", "permission:catalog.price.approve"),
                r.chain().stream().map(ApprovalStep::spec).toList());
        assertEquals(List.of(r.id()), ids(engine.inbox(BOB)));
        assertTrue("step 2 is not CAROL's yet", engine.inbox(CAROL).isEmpty());

        ApprovalRequest afterFirst = engine.decide(BOB, r.id(), Decision.APPROVE, "fine by marketing");
        assertEquals(ApprovalState.PENDING, afterFirst.state());
        assertEquals(1, afterFirst.currentStep());
        assertTrue(handler.applied.isEmpty());
        assertTrue(engine.inbox(BOB).isEmpty());
        assertEquals(List.of(r.id()), ids(engine.inbox(CAROL)));

        ApprovalRequest done = engine.decide(CAROL, r.id(), Decision.APPROVE, null);
        assertEquals(ApprovalState.APPLIED, done.state());
        assertEquals(List.of(r.id()), handler.applied);
        assertNotNull(done.approvedAt());
        assertNotNull(done.appliedAt());
        assertEquals(2, done.decisions().size());
        assertEquals("bob", done.decisions().get(0).decider());
        assertEquals("fine by marketing", done.decisions().get(0).comment());
        assertEquals(Decision.APPROVE, done.decisions().get(1).decision());
        assertEquals(done.approvedAt().plus(Duration.ofHours(48)), done.dueAt());

        assertEquals(List.of("alice approval.submit", "bob approval.approve", "carol approval.approve", "system approval.applied"),
                audit.actions("approval:" + r.id()));
        assertEquals(List.of(ApprovalEvents.SUBMITTED, ApprovalEvents.DECIDED, ApprovalEvents.DECIDED,
                ApprovalEvents.APPROVED, ApprovalEvents.APPLIED), events.topics(r.id()));
        assertEquals(ApprovalState.APPLIED, engine.get(ALICE, r.id()).state());
        assertEquals(code(() -> engine.decide(DAVE, r.id(), Decision.APPROVE, null)), ApprovalService.NOT_PENDING);
    }

    @Test
    public void theRequesterNeverDecidesTheirOwnRequest() {
        ApprovalRequest r = submit(DAVE);
        assertEquals(ApprovalService.OWN_REQUEST, code(() -> engine.decide(DAVE, r.id(), Decision.APPROVE, null)));
        assertEquals(ApprovalService.OWN_REQUEST, code(() -> engine.decide(DAVE, r.id(), Decision.REJECT, "withdrawn")));
        assertTrue(engine.inbox(DAVE).isEmpty());
        // Not even when the kind waives four eyes.
        engine.configure(ApprovalSettings.of(5, Map.of("allowSameDecider." + PRICE_CHANGE, "true")));
        ApprovalRequest r2 = submit(DAVE);
        assertTrue(r2.allowSameDecider());
        assertEquals(ApprovalService.OWN_REQUEST, code(() -> engine.decide(DAVE, r2.id(), Decision.APPROVE, null)));
        assertEquals(ApprovalState.PENDING, engine.get(DAVE, r.id()).state());
    }

    @Test
    public void onePersonDecidesOneStepUnlessTheKindAllowsMore() {
        ApprovalRequest r = submit(ALICE);
        engine.decide(DAVE, r.id(), Decision.APPROVE, null);
        assertTrue("dave decided step 1 and may not decide step 2", engine.inbox(DAVE).isEmpty());
        assertEquals(ApprovalService.FOUR_EYES, code(() -> engine.decide(DAVE, r.id(), Decision.APPROVE, null)));
        assertEquals(ApprovalState.PENDING, engine.get(ALICE, r.id()).state());
        assertTrue(handler.applied.isEmpty());

        engine.configure(ApprovalSettings.of(5, Map.of("allowSameDecider." + PRICE_CHANGE, "true")));
        // The waiver applies to requests submitted from now on; the first one keeps its rules.
        assertEquals(ApprovalService.FOUR_EYES, code(() -> engine.decide(DAVE, r.id(), Decision.APPROVE, null)));
        ApprovalRequest waived = submit(ALICE);
        engine.decide(DAVE, waived.id(), Decision.APPROVE, null);
        assertEquals(List.of(waived.id()), ids(engine.inbox(DAVE)));
        assertEquals(ApprovalState.APPLIED, engine.decide(DAVE, waived.id(), Decision.APPROVE, null).state());
        assertEquals(List.of(waived.id()), handler.applied);
    }

    @Test
    public void deciderNeedsTheStepsRoleOrPermission() {
        ApprovalRequest r = submit(ALICE);
        // CAROL holds the permission of step 2, not the role of step 1.
        assertEquals(ApprovalService.NOT_YOUR_STEP, code(() -> engine.decide(CAROL, r.id(), Decision.APPROVE, null)));
        assertEquals(ApprovalService.NOT_YOUR_STEP, code(() -> engine.decide(NOBODY, r.id(), Decision.APPROVE, null)));
        engine.decide(BOB, r.id(), Decision.APPROVE, null);
        // BOB has the role of step 1 but not the permission of step 2 (and decided step 1 anyway).
        assertEquals(ApprovalService.NOT_YOUR_STEP, code(() -> engine.decide(
                new Caller("bob2", Set.of("marketing-director"), Set.of(ApprovalService.DECIDE)), r.id(), Decision.APPROVE, null)));
        // The administrator's wildcard holds every permission step.
        Caller admin = new Caller("root", Set.of(), Set.of(Caller.ALL));
        assertEquals(List.of(r.id()), ids(engine.inbox(admin)));
        // A permission pattern counts like the permission where Caller.hasPermission grants it.
        Caller wildcard = new Caller("wendy", Set.of(), Set.of("catalog.*", ApprovalService.DECIDE));
        if (wildcard.hasPermission("catalog.price.approve")) {
            assertEquals(List.of(r.id()), ids(engine.inbox(wildcard)));
            assertEquals(ApprovalState.APPLIED, engine.decide(wildcard, r.id(), Decision.APPROVE, "ok").state());
        }
    }

    @Test
    public void aReaderLevelAccountNeverDecidesWhateverItsRole() {
        ApprovalRequest r = submit(ALICE);
        Caller readOnlyDirector = new Caller("rita", Set.of("marketing-director"), Set.of("catalog.read"));
        assertEquals(ApprovalService.NOT_YOUR_STEP, code(() -> engine.decide(readOnlyDirector, r.id(), Decision.REJECT, "no")));
        assertEquals(List.of(), ids(engine.inbox(readOnlyDirector)));
        assertEquals(ApprovalState.PENDING, engine.get(AUDITOR, r.id()).state());
    }

    @Test
    public void readingIsForTheRequesterDecidersAndReaders() {
        ApprovalRequest r = submit(ALICE);
        assertEquals(r.id(), engine.get(ALICE, r.id()).id());
        assertEquals(r.id(), engine.get(BOB, r.id()).id());
        assertEquals(r.id(), engine.get(CAROL, r.id()).id()); // may decide a later step
        assertEquals(r.id(), engine.get(AUDITOR, r.id()).id());
        assertThrows(PermissionDeniedException.class, () -> engine.get(NOBODY, r.id()));
        assertThrows(NotFoundException.class, () -> engine.get(ALICE, 999_999));
        assertEquals(Optional.of("Price of SKU-1 → 119.00"), engine.render(BOB, r.id(), Locale.ENGLISH));
        assertEquals(Optional.of("SKU-1 调价为 119.00"), engine.render(BOB, r.id(), Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    public void aRejectionEndsTheRequest() {
        ApprovalRequest r = submit(ALICE);
        ValidationException noReason = assertThrows(ValidationException.class,
                () -> engine.decide(BOB, r.id(), Decision.REJECT, " "));
        assertTrue(noReason.details().containsKey("comment"));
        ApprovalRequest rejected = engine.decide(BOB, r.id(), Decision.REJECT, "too deep a cut before the holidays");
        assertEquals(ApprovalState.REJECTED, rejected.state());
        assertEquals(ApprovalService.NOT_PENDING, code(() -> engine.decide(CAROL, r.id(), Decision.APPROVE, null)));
        assertTrue(engine.inbox(CAROL).isEmpty());
        assertTrue(handler.applied.isEmpty());
        assertEquals(List.of("alice approval.submit", "bob approval.reject"), audit.actions("approval:" + r.id()));
        assertTrue(events.topics(r.id()).contains(ApprovalEvents.REJECTED));
    }

    @Test
    public void aDecisionOnAStepThatMovedOnIsRefused() throws Exception {
        ApprovalRequest r = submit(ALICE);
        engine.decide(BOB, r.id(), 0, Decision.APPROVE, null);
        // DAVE looked at step 1 and clicks approve after BOB: he must not approve step 2 by accident.
        assertEquals(ApprovalService.ALREADY_DECIDED, code(() -> engine.decide(DAVE, r.id(), 0, Decision.APPROVE, null)));
        assertEquals(1, engine.get(DAVE, r.id()).currentStep());

        // Another node recorded a decision on the same step a moment earlier: the primary key refuses ours.
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO APPROVAL_DECISION (REQUEST_ID, STEP_NO, DECIDER, DECIDED_AT, DECISION) VALUES ("
                    + r.id() + ", 1, 'other-node', CURRENT_TIMESTAMP, 'APPROVE')");
        }
        assertEquals(ApprovalService.ALREADY_DECIDED, code(() -> engine.decide(CAROL, r.id(), Decision.APPROVE, null)));
    }

    // ---- submitting ---------------------------------------------------------------------------

    @Test
    public void submittingValidatesAndNeedsTheOwningModule() {
        ValidationException missing = assertThrows(ValidationException.class,
                () -> engine.submit(ALICE, PRICE_CHANGE, " ", "{}", null));
        assertEquals(Set.of("subject", "summary"), missing.details().keySet());
        ValidationException badPayload = assertThrows(ValidationException.class,
                () -> engine.submit(ALICE, PRICE_CHANGE, "product:SKU-1", "{\"sku\":\"SKU-1\"}", "no price"));
        assertTrue(badPayload.details().containsKey("price"));
        assertThrows(PermissionDeniedException.class, () -> submit(NOBODY));
        assertThrows(ValidationException.class, () -> engine.submit(ALICE, PRICE_CHANGE, "s", "x".repeat(ApprovalService.MAX_PAYLOAD + 1), "s"));
        assertEquals(ApprovalService.MODULE_NOT_RUNNING, code(() -> engine.submit(ALICE, "cms.publish", "page:home", "{}", "publish")));

        engine.unbindHandler(handler, Map.of());
        assertEquals(ApprovalService.MODULE_NOT_RUNNING, code(() -> submit(ALICE)));
        assertTrue(engine.kinds().isEmpty());
        assertTrue(audit.entries.isEmpty());
    }

    @Test
    public void myRequestsComeNewestFirstInPages() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(submit(ALICE).id());
        }
        submit(DAVE);
        List<ApprovalRequest> first = engine.mine(ALICE, null, 2);
        assertEquals(List.of(ids.get(4), ids.get(3)), ids(first));
        assertEquals(List.of(ids.get(2), ids.get(1)), ids(engine.mine(ALICE, first.get(1).id(), 2)));
        assertEquals(5, engine.mine(ALICE, null, 50).size());
        assertThrows(ValidationException.class, () -> engine.mine(ALICE, null, 0));
        assertEquals(6, engine.inbox(BOB).size());
    }

    // ---- delivery -----------------------------------------------------------------------------

    @Test
    public void approvedWhileTheModuleIsStoppedIsAppliedWhenItComesBack() throws Exception {
        ApprovalRequest r = submit(ALICE);
        engine.unbindHandler(handler, Map.of());
        engine.decide(BOB, r.id(), Decision.APPROVE, null);
        ApprovalRequest approved = engine.decide(CAROL, r.id(), Decision.APPROVE, "go");
        assertEquals(ApprovalState.APPROVED, approved.state());
        engine.tick();
        assertEquals(ApprovalState.APPROVED, engine.get(ALICE, r.id()).state());
        assertTrue(handler.applied.isEmpty());
        assertEquals(Optional.empty(), engine.render(ALICE, r.id(), Locale.ENGLISH));

        engine.bindHandler(handler, Map.of(ApprovalHandler.KIND, PRICE_CHANGE));
        idle(engine);
        assertEquals(List.of(r.id()), handler.applied);
        assertEquals(ApprovalState.APPLIED, engine.get(ALICE, r.id()).state());
        assertTrue(audit.actions("approval:" + r.id()).contains("system approval.applied"));
    }

    @Test
    public void nothingIsLostAcrossARestartOfTheEngine() throws Exception {
        ApprovalRequest r = submit(ALICE);
        engine.unbindHandler(handler, Map.of());
        engine.decide(BOB, r.id(), Decision.APPROVE, null);
        engine.decide(CAROL, r.id(), Decision.APPROVE, null);
        engine.deactivate();

        ApprovalEngine restarted = start(ApprovalSettings.defaults());
        assertEquals(List.of(r.id()), handler.applied);
        assertEquals(ApprovalState.APPLIED, restarted.get(ALICE, r.id()).state());
        // Delivered once: the next minute's check finds nothing more to do.
        restarted.tick();
        assertEquals(List.of(r.id()), handler.applied);
    }

    @Test
    public void aFailedApplyIsRecordedAndRetriedLater() throws Exception {
        handler.failures = 1;
        ApprovalRequest r = submit(ALICE);
        engine.decide(BOB, r.id(), Decision.APPROVE, null);
        ApprovalRequest failed = engine.decide(CAROL, r.id(), Decision.APPROVE, null);
        assertEquals(ApprovalState.APPLY_FAILED, failed.state());
        assertTrue(failed.applyError(), failed.applyError().contains("price service is busy"));
        assertTrue(audit.actions("approval:" + r.id()).contains("system approval.apply-failed"));
        assertTrue(events.topics(r.id()).contains(ApprovalEvents.APPLY_FAILED));

        engine.tick(); // too early: the first retry waits 5 minutes
        assertEquals(ApprovalState.APPLY_FAILED, engine.get(ALICE, r.id()).state());
        clock.advance(Duration.ofMinutes(6));
        engine.tick();
        ApprovalRequest applied = engine.get(ALICE, r.id());
        assertEquals(ApprovalState.APPLIED, applied.state());
        assertNull(applied.applyError());
        assertEquals(List.of(r.id()), handler.applied);
        assertEquals(2, handler.attempts);
    }

    @Test
    public void aFailedApplyIsRetriedAtOnceWhenTheModuleIsUpdated() throws Exception {
        handler.failures = 1;
        ApprovalRequest r = submit(ALICE);
        engine.decide(BOB, r.id(), Decision.APPROVE, null);
        assertEquals(ApprovalState.APPLY_FAILED, engine.decide(CAROL, r.id(), Decision.APPROVE, null).state());
        engine.unbindHandler(handler, Map.of());
        engine.bindHandler(handler, Map.of(ApprovalHandler.KIND, PRICE_CHANGE));
        idle(engine);
        assertEquals(ApprovalState.APPLIED, engine.get(ALICE, r.id()).state());
    }

    @Test
    public void aHandlerRegisteredUnderAnotherKindIsIgnored() {
        engine.unbindHandler(handler, Map.of());
        engine.bindHandler(handler, Map.of(ApprovalHandler.KIND, "cms.publish"));
        assertEquals(ApprovalService.MODULE_NOT_RUNNING, code(() -> submit(ALICE)));
    }

    // ---- configuration and deadlines ----------------------------------------------------------

    @Test
    public void anAdminOverridesTheChainWithoutARestart() {
        ApprovalRequest before = submit(ALICE);
        engine.configure(ApprovalSettings.of(5, Map.of(
                "chain." + PRICE_CHANGE, "role:gm, permission:catalog.price.approve, role:marketing-director",
                "deadline." + PRICE_CHANGE, "2d",
                "chain.cms.publish", "boss")));
        ApprovalKind kind = engine.kinds().get(0);
        assertEquals(List.of("role:gm", "permission:catalog.price.approve", "role:marketing-director"),
                kind.chain().stream().map(ApprovalStep::spec).toList());
        // Labels come from the area's declared step when the role or permission matches.
        assertEquals("市场总监", kind.chain().get(2).labelZh());
        assertEquals("gm", kind.chain().get(0).labelEn());
        assertEquals(Duration.ofDays(2), kind.deadline());

        ApprovalRequest after = submit(ALICE);
        assertEquals(3, after.chain().size());
        assertEquals(2, engine.get(ALICE, before.id()).chain().size());
        assertEquals(List.of(after.id()), ids(engine.inbox(CAROL))); // gm now decides step 1
        engine.decide(CAROL, after.id(), Decision.APPROVE, null);
        engine.decide(DAVE, after.id(), Decision.APPROVE, null);
        ApprovalRequest done = engine.decide(BOB, after.id(), Decision.APPROVE, null);
        assertEquals(ApprovalState.APPLIED, done.state());
        assertEquals(done.approvedAt().plus(Duration.ofDays(2)), done.dueAt());
    }

    @Test
    public void overdueRequestsAreListedAndRaiseOneEvent() throws Exception {
        ApprovalRequest r = submit(ALICE);
        ApprovalRequest other = submit(ALICE);
        engine.unbindHandler(handler, Map.of());
        engine.decide(BOB, r.id(), Decision.APPROVE, null);
        engine.decide(CAROL, r.id(), Decision.APPROVE, null);
        assertTrue(engine.overdue(ALICE).isEmpty());

        clock.advance(Duration.ofHours(49));
        assertEquals(List.of(r.id()), ids(engine.overdue(ALICE)));
        assertEquals(List.of(r.id()), ids(engine.overdue(AUDITOR)));
        assertTrue(engine.overdue(NOBODY).isEmpty());
        assertTrue(engine.get(ALICE, r.id()).overdueAt(clock.now()));
        assertFalse(engine.get(ALICE, other.id()).overdueAt(clock.now()));

        engine.tick();
        engine.tick();
        assertEquals(1, events.topics(r.id()).stream().filter(ApprovalEvents.OVERDUE::equals).count());
        assertEquals(1, audit.actions("approval:" + r.id()).stream().filter("system approval.overdue"::equals).count());

        engine.bindHandler(handler, Map.of(ApprovalHandler.KIND, PRICE_CHANGE));
        idle(engine);
        assertTrue("applied late, no longer overdue", engine.overdue(ALICE).isEmpty());
    }

    // ---- fakes --------------------------------------------------------------------------------

    private static List<Long> ids(List<ApprovalRequest> requests) {
        return requests.stream().map(ApprovalRequest::id).toList();
    }
}
