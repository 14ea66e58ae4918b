package org.wubu.orders.internal;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.rules.ExternalResource;
import org.wubu.approvals.api.ApprovalDecision;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.approvals.api.ApprovalKind;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.approvals.api.ApprovalState;
import org.wubu.approvals.api.Decision;
import org.wubu.orders.api.payment.PaymentCheck;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.notify.Notification;
import org.wubu.testsupport.TestPlatform;

/**
 * The workflow's components on the real orders store and catalog of an {@link OrdersFixture}: the
 * confirmation clock (10 minutes, not scheduled: tests call it), confirmations, payment checks with
 * the built-in rules, packing, shipping and returns (agent's limit 200.00) with the return approval
 * handler behind a recording approval engine. Notifications are collected.
 */
class WorkflowFixture extends ExternalResource {

    /** An agent who may also record exchanges and gifts (the roles configuration grants it). */
    static final Caller AGENT_PLUS = new Caller("agent", Set.of("cs-agent"), Set.of("orders.read", "orders.confirm", "orders.note",
            "orders.return.request", "orders.exchange", "orders.gift"));
    static final Caller AGENT_2 = new Caller("agent2", Set.of("cs-agent"), Set.of("orders.read", "orders.confirm", "orders.note"));

    final OrdersFixture f;
    final List<Notification> sent = new CopyOnWriteArrayList<>();
    WorkflowTables tables;
    ConfirmationClock confirmationClock;
    Confirmations confirmations;
    PaymentChecks paymentChecks;
    PaymentFlags paymentFlags;
    Packing packing;
    Shipping shipping;
    Returns returns;
    ReturnApprovalHandler returnHandler;
    RecordingApprovals approvals;

    WorkflowFixture(OrdersFixture f) {
        this.f = f;
    }

    @Override
    protected void before() {
        tables = new WorkflowTables(f.dataSource);
        confirmationClock = new ConfirmationClock(f.orders, f.clock, tables, confirmation(10, 0), false);
        confirmationClock.notifier = sent::add;
        confirmations = new Confirmations(f.orders, confirmationClock, f.clock, tables);
        confirmations.notifier = sent::add;
        paymentChecks = new PaymentChecks(f.orders, PaymentChecks.facts(tables));
        paymentChecks.addCheck(new AmountMismatchCheck(), Map.of(PaymentCheck.RULE, AmountMismatchCheck.RULE));
        paymentChecks.addCheck(new DuplicateReferenceCheck(), Map.of(PaymentCheck.RULE, DuplicateReferenceCheck.RULE));
        paymentFlags = new PaymentFlags(f.orders);
        packing = new Packing(f.orders);
        shipping = new Shipping(f.orders);
        returns = new Returns(f.orders, TestPlatform.PRODUCTION, returnsConfig("200.00"));
        returns.catalog = f.catalog.catalog;
        returnHandler = new ReturnApprovalHandler(returns);
        approvals = new RecordingApprovals(returnHandler);
        returns.approvals = approvals;
    }

    static List<GoodsLines.Line> lines(Object... skuQty) {
        java.util.ArrayList<GoodsLines.Line> out = new java.util.ArrayList<>();
        for (int i = 0; i < skuQty.length; i += 2) {
            out.add(new GoodsLines.Line((String) skuQty[i], ((Number) skuQty[i + 1]).longValue()));
        }
        return out;
    }

    static ConfirmationConfig confirmation(int minutes, int seconds) {
        return new ConfirmationConfig() {
            public int minutes() {
                return minutes;
            }

            public int limitSeconds() {
                return seconds;
            }

            public int checkIntervalSeconds() {
                return 30;
            }

            public String notifyRole() {
                return "cs-manager";
            }

            public Class<? extends Annotation> annotationType() {
                return ConfirmationConfig.class;
            }
        };
    }

    static ReturnsConfig returnsConfig(String limit) {
        return new ReturnsConfig() {
            public String agentLimit() {
                return limit;
            }

            public Class<? extends Annotation> annotationType() {
                return ReturnsConfig.class;
            }
        };
    }

    /**
     * The approval engine's part the returns use: submit validates through the kind's handler and
     * stores the request; {@link #approve} decides it the way the CS manager would and hands it to
     * the handler, as the engine does with the final approval. The engine itself is exercised by the
     * approvals bundle's tests and by OrdersWorkflowIT.
     */
    static final class RecordingApprovals implements ApprovalService {

        final ApprovalHandler handler;
        final List<ApprovalRequest> submitted = new CopyOnWriteArrayList<>();

        RecordingApprovals(ApprovalHandler handler) {
            this.handler = handler;
        }

        @Override
        public ApprovalRequest submit(Caller requester, String kind, String subject, String payload, String summary) {
            handler.validate(requester, payload);
            ApprovalKind k = handler.kind();
            ApprovalRequest r = new ApprovalRequest(submitted.size() + 1, kind, subject, payload, summary, requester.username(),
                    Instant.now(), ApprovalState.PENDING, k.chain(), 0, false, List.of(), null, null, null, null);
            submitted.add(r);
            return r;
        }

        ApprovalRequest approve(long id, String decider) throws Exception {
            ApprovalRequest r = get(Caller.SYSTEM, id);
            ApprovalRequest approved = new ApprovalRequest(r.id(), r.kind(), r.subject(), r.payload(), r.summary(), r.requester(),
                    r.createdAt(), ApprovalState.APPROVED, r.chain(), 1, false,
                    List.of(new ApprovalDecision(0, decider, Instant.now(), Decision.APPROVE, "ok")), Instant.now(), null, null, null);
            handler.apply(approved);
            submitted.set((int) id - 1, approved);
            return approved;
        }

        @Override
        public ApprovalRequest get(Caller caller, long id) {
            return submitted.get((int) id - 1);
        }

        @Override
        public ApprovalRequest decide(Caller decider, long id, Decision decision, String comment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ApprovalRequest decide(Caller decider, long id, int step, Decision decision, String comment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApprovalRequest> inbox(Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApprovalRequest> mine(Caller caller, Long before, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> render(Caller caller, long id, Locale locale) {
            return Optional.of(handler.render(get(caller, id), locale));
        }

        @Override
        public List<ApprovalRequest> overdue(Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApprovalKind> kinds() {
            return List.of(handler.kind());
        }
    }
}
