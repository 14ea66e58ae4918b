package org.wubu.approvals.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.approvals.api.ApprovalDecision;
import org.wubu.approvals.api.ApprovalEvents;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.approvals.api.ApprovalKind;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.approvals.api.ApprovalState;
import org.wubu.approvals.api.ApprovalStep;
import org.wubu.approvals.api.Decision;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * The approval engine. Requests, their frozen chains and decisions live in the database, so nothing
 * is lost when this bundle or an owning area stops: a fully approved request waits in APPROVED until
 * a handler of its kind is registered, then is delivered on the engine's own thread. A request is
 * claimed before delivery (a lease under the optimistic lock), so two nodes never apply it at once.
 * Every minute the engine retries failed deliveries that are due and raises OVERDUE once per request.
 */
// Immediate: it runs scheduled or background work, which a delayed component would lose whenever SCR
// disposes it for want of users (Felix SCR does so by default) and repeat at every re-activation.
@Component(service = ApprovalService.class, configurationPid = ApprovalEngine.PID, immediate = true)
@Designate(ocd = ApprovalsConfig.class)
public class ApprovalEngine implements ApprovalService {

    static final String PID = "org.wubu.approvals";

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalEngine.class);
    /** How long a node may take to apply a change before another node may try it again. */
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration TICK = Duration.ofMinutes(1);
    private static final int BATCH = 100;
    private static final int MAX_ERROR = 2000;
    private static final List<ApprovalState> UNAPPLIED = List.of(ApprovalState.APPROVED, ApprovalState.APPLY_FAILED);

    private final EntityManagerFactory emf;
    private final ShopClock clock;
    private final AuditService audit;
    private final HandlerRegistry handlers = new HandlerRegistry();
    private final ScheduledExecutorService executor;
    private volatile ApprovalSettings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    @Activate
    public ApprovalEngine(@Reference(target = "(osgi.unit.name=wubu-approvals)") EntityManagerFactory emf,
                          @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.approvals)") SchemaReady schema,
                          @Reference ShopClock clock,
                          @Reference AuditService audit,
                          ApprovalsConfig config,
                          Map<String, Object> properties) {
        this(emf, clock, audit, ApprovalSettings.of(config.retryMinutes(), properties), TICK);
    }

    ApprovalEngine(EntityManagerFactory emf, ShopClock clock, AuditService audit, ApprovalSettings settings, Duration tick) {
        this.emf = emf;
        this.clock = clock;
        this.audit = audit;
        this.settings = settings;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wubu-approvals");
            t.setDaemon(true);
            return t;
        });
        // The first run, at once, delivers what was approved while this engine was down.
        executor.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Modified
    void modified(ApprovalsConfig config, Map<String, Object> properties) {
        settings = ApprovalSettings.of(config.retryMinutes(), properties);
        LOG.info("Approval settings updated; they apply to requests submitted from now on");
    }

    void configure(ApprovalSettings newSettings) {
        settings = newSettings;
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("An approval delivery is still running after 10 s; it will be retried when its lease ends");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Reference(name = "handler", service = ApprovalHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindHandler")
    void bindHandler(ApprovalHandler handler, Map<String, Object> properties) {
        String kind = handlers.bind(handler, properties);
        if (kind != null) {
            // Not on the framework's thread: the area is coming (back); hand it what waited for it.
            runLater(() -> deliverKind(kind));
        }
    }

    void unbindHandler(ApprovalHandler handler, Map<String, Object> properties) {
        handlers.unbind(handler);
    }

    // ---- commands -----------------------------------------------------------------------------

    @Override
    public ApprovalRequest submit(Caller requester, String kind, String subject, String payload, String summary) {
        Objects.requireNonNull(requester, "requester");
        Map<String, Object> errors = new LinkedHashMap<>();
        String k = required(errors, "kind", kind, ApprovalKind.MAX_ID_LENGTH);
        String s = required(errors, "subject", subject, MAX_SUBJECT);
        String m = required(errors, "summary", summary, MAX_SUMMARY);
        String p = payload == null || payload.isBlank() ? null : payload;
        if (p == null) {
            errors.put("payload", "missing");
        } else if (p.length() > MAX_PAYLOAD) {
            errors.put("payload", "longer than " + MAX_PAYLOAD + " characters (got " + p.length() + ")");
        }
        failIfAny(errors);
        HandlerRegistry.Bound handler = handlers.get(k).orElseThrow(() -> new WubuException(MODULE_NOT_RUNNING,
                "no running module handles approvals of kind '" + k + "': start the module that owns it, or check the kind",
                Map.of("kind", k)));
        handler.handler().validate(requester, p);
        ApprovalKind effective = settings.effective(handler.kind());
        Instant now = clock.now();
        ApprovalRequest created = inTransaction(em -> {
            ApprovalRequestEntity e = new ApprovalRequestEntity(k, s, m, p, requester.username(), now,
                    effective.allowSameDecider(), effective.deadline());
            em.persist(e);
            em.flush();
            for (int i = 0; i < effective.chain().size(); i++) {
                em.persist(new ApprovalStepEntity(e.id(), i, effective.chain().get(i)));
            }
            return e.toRequest(effective.chain(), List.of());
        });
        record(requester, "approval.submit", created, "kind=" + k + ", subject=" + s + ", chain="
                + created.chain().stream().map(ApprovalStep::spec).collect(Collectors.joining(" > "))
                + (created.allowSameDecider() ? " (same decider allowed)" : "") + ", summary=" + m + ", payload=" + p);
        post(ApprovalEvents.SUBMITTED, created, requester.username(), Map.of());
        return created;
    }

    @Override
    public ApprovalRequest decide(Caller decider, long id, Decision decision, String comment) {
        return decideStep(decider, id, null, decision, comment);
    }

    @Override
    public ApprovalRequest decide(Caller decider, long id, int step, Decision decision, String comment) {
        return decideStep(decider, id, step, decision, comment);
    }

    private ApprovalRequest decideStep(Caller decider, long id, Integer expectedStep, Decision decision, String comment) {
        Objects.requireNonNull(decider, "decider");
        Map<String, Object> errors = new LinkedHashMap<>();
        String c = comment == null || comment.isBlank() ? null : comment.trim();
        if (decision == null) {
            errors.put("decision", "missing (approve or reject)");
        }
        if (decision == Decision.REJECT && c == null) {
            errors.put("comment", "a rejection needs a reason");
        }
        if (c != null && c.length() > MAX_COMMENT) {
            errors.put("comment", "longer than " + MAX_COMMENT + " characters (got " + c.length() + ")");
        }
        failIfAny(errors);
        Instant now = clock.now();
        ApprovalRequest decided;
        try {
            decided = inTransaction(em -> {
                ApprovalRequestEntity e = find(em, id);
                ApprovalRequest before = load(em, e);
                if (expectedStep != null && before.state() == ApprovalState.PENDING && before.currentStep() != expectedStep) {
                    throw new WubuException(ALREADY_DECIDED, "step " + (expectedStep + 1) + " of request #" + id
                            + " was decided meanwhile; it now waits for step " + (before.currentStep() + 1),
                            Map.of("id", id, "step", before.currentStep()));
                }
                WubuException refusal = DecisionRules.refusal(before, decider);
                if (refusal != null) {
                    throw refusal;
                }
                em.persist(new ApprovalDecisionEntity(id, e.currentStep(), decider.username(), now, decision, c));
                if (decision == Decision.REJECT) {
                    e.reject();
                } else if (e.currentStep() + 1 == before.chain().size()) {
                    e.approve(now);
                } else {
                    e.advance();
                }
                em.flush();
                return load(em, e);
            });
        } catch (PersistenceException e) {
            if (isConflict(e)) {
                throw new WubuException(ALREADY_DECIDED, "request #" + id + " was decided by someone else at the same "
                        + "moment; look at it again", Map.of("id", id));
            }
            throw e;
        }
        ApprovalDecision d = decided.decisions().get(decided.decisions().size() - 1);
        record(decider, decision == Decision.APPROVE ? "approval.approve" : "approval.reject", decided,
                "step " + (d.step() + 1) + "/" + decided.chain().size() + " (" + decided.chain().get(d.step()).spec() + ")"
                        + (decided.state() == ApprovalState.APPROVED ? ", final approval" : "")
                        + (c == null ? "" : ", comment=" + c));
        post(ApprovalEvents.DECIDED, decided, decider.username(),
                Map.of(ApprovalEvents.STEP, d.step(), ApprovalEvents.DECISION, decision.name()));
        if (decided.state() == ApprovalState.REJECTED) {
            post(ApprovalEvents.REJECTED, decided, decider.username(), Map.of());
        } else if (decided.state() == ApprovalState.APPROVED) {
            post(ApprovalEvents.APPROVED, decided, decider.username(), Map.of());
            // The decision stands whatever happens next; a delivery that breaks off is retried by the minute's check.
            deliverQuietly(id, false);
            return read(em -> load(em, find(em, id)));
        }
        return decided;
    }

    // ---- delivery to the owning area ----------------------------------------------------------

    /** Applies one approved request through its handler, if one is registered and no one else is at it. */
    void deliver(long id, boolean ignoreBackoff) {
        Instant now = clock.now();
        ApprovalRequest claimed;
        try {
            claimed = inTransaction(em -> {
                ApprovalRequestEntity e = em.find(ApprovalRequestEntity.class, id);
                if (e == null || !e.deliverable(now, ignoreBackoff) || handlers.get(e.kind()).isEmpty()) {
                    return null;
                }
                e.claim(now.plus(LEASE));
                em.flush();
                return load(em, e);
            });
        } catch (PersistenceException e) {
            if (isConflict(e)) {
                return; // another thread or node claimed it first
            }
            throw e;
        }
        if (claimed == null) {
            return;
        }
        Optional<HandlerRegistry.Bound> handler = handlers.get(claimed.kind());
        String error = null;
        if (handler.isEmpty()) {
            error = "the module handling " + claimed.kind() + " stopped before it could apply the change";
        } else {
            try {
                handler.get().handler().apply(claimed);
            } catch (Exception | LinkageError e) {
                error = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warn("Applying approval request #{} ({}) failed: {}", id, claimed.kind(), error, e);
            }
        }
        String failure = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        Instant done = clock.now();
        ApprovalRequest outcome = inTransaction(em -> {
            ApprovalRequestEntity e = find(em, id);
            if (failure == null) {
                e.applied(done);
            } else {
                e.applyFailed(failure, done.plus(settings.retryAfter(e.applyAttempts())));
            }
            em.flush();
            return load(em, e);
        });
        if (failure == null) {
            record(Caller.SYSTEM, "approval.applied", outcome, "kind=" + outcome.kind() + ", subject=" + outcome.subject());
            post(ApprovalEvents.APPLIED, outcome, Caller.SYSTEM.username(), Map.of());
        } else {
            record(Caller.SYSTEM, "approval.apply-failed", outcome, "kind=" + outcome.kind() + ", subject="
                    + outcome.subject() + ", error=" + failure);
            post(ApprovalEvents.APPLY_FAILED, outcome, Caller.SYSTEM.username(), Map.of("error", failure));
        }
    }

    /** Everything of a kind that waits to be applied, now that a handler for it is registered. */
    private void deliverKind(String kind) {
        long after = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long from = after;
            List<Long> ids = read(em -> em.createQuery("SELECT r.id FROM ApprovalRequestEntity r WHERE r.kind = :kind"
                            + " AND r.state IN :states AND r.id > :after ORDER BY r.id", Long.class)
                    .setParameter("kind", kind).setParameter("states", UNAPPLIED).setParameter("after", from)
                    .setMaxResults(BATCH).getResultList());
            for (long id : ids) {
                deliverQuietly(id, true);
                after = id;
            }
            if (ids.size() < BATCH) {
                return;
            }
        }
    }

    /** Approved requests never tried or whose lease ended, and failed ones due for a retry. */
    private void deliverDue() {
        List<String> kinds = handlers.current().stream().map(b -> b.kind().id()).toList();
        if (kinds.isEmpty()) {
            return;
        }
        long after = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long from = after;
            List<Long> ids = read(em -> em.createQuery("SELECT r.id FROM ApprovalRequestEntity r WHERE r.state IN :states"
                            + " AND r.kind IN :kinds AND (r.nextAttemptAt IS NULL OR r.nextAttemptAt <= :now)"
                            + " AND r.id > :after ORDER BY r.id", Long.class)
                    .setParameter("states", UNAPPLIED).setParameter("kinds", kinds)
                    .setParameter("now", ApprovalRequestEntity.utc(clock.now())).setParameter("after", from)
                    .setMaxResults(BATCH).getResultList());
            for (long id : ids) {
                deliverQuietly(id, false);
                after = id;
            }
            if (ids.size() < BATCH) {
                return;
            }
        }
    }

    private void deliverQuietly(long id, boolean ignoreBackoff) {
        try {
            deliver(id, ignoreBackoff);
        } catch (RuntimeException e) {
            LOG.error("Delivering approval request #{} failed; it will be tried again: {}", id, e.getMessage(), e);
        }
    }

    // ---- deadlines ----------------------------------------------------------------------------

    /** Raises OVERDUE once for each approved request not applied by its due time. */
    void notifyOverdue() {
        Instant now = clock.now();
        List<Long> ids = read(em -> em.createQuery("SELECT r.id FROM ApprovalRequestEntity r WHERE r.state IN :states"
                        + " AND r.dueAt <= :now AND r.overdueNotifiedAt IS NULL ORDER BY r.id", Long.class)
                .setParameter("states", UNAPPLIED).setParameter("now", ApprovalRequestEntity.utc(now))
                .setMaxResults(BATCH).getResultList());
        for (long id : ids) {
            ApprovalRequest marked;
            try {
                marked = inTransaction(em -> {
                    ApprovalRequestEntity e = em.find(ApprovalRequestEntity.class, id);
                    if (e == null || e.overdueNotified() || !UNAPPLIED.contains(e.state())) {
                        return null;
                    }
                    e.markOverdueNotified(now);
                    em.flush();
                    return load(em, e);
                });
            } catch (PersistenceException e) {
                if (isConflict(e)) {
                    continue; // changed meanwhile (applied, or another node raised it): look again next time
                }
                throw e;
            }
            if (marked != null) {
                record(Caller.SYSTEM, "approval.overdue", marked, "kind=" + marked.kind() + ", due " + marked.dueAt()
                        + ", state " + marked.state());
                post(ApprovalEvents.OVERDUE, marked, Caller.SYSTEM.username(), Map.of("dueAt", marked.dueAt().toString()));
            }
        }
    }

    /** The minute's work: deliveries that are due, then deadlines. Never throws, so the schedule goes on. */
    void tick() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.error("Delivering approved requests failed: {}", e.getMessage(), e);
        }
        try {
            notifyOverdue();
        } catch (RuntimeException e) {
            LOG.error("Checking approval deadlines failed: {}", e.getMessage(), e);
        }
    }

    private void runLater(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Approval delivery failed: {}", e.getMessage(), e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the engine is stopping; the next activation delivers
        }
    }

    /** Waits until the engine's thread has done what was queued before this call (for tests). */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        try {
            executor.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    // ---- queries ------------------------------------------------------------------------------

    @Override
    public List<ApprovalRequest> inbox(Caller caller) {
        List<String> who = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!caller.roles().isEmpty()) {
            who.add("s.roleName IN :roles");
            params.put("roles", caller.roles());
        }
        if (caller.permissions().contains(Caller.ALL)) {
            who.add("s.permission IS NOT NULL");
        } else {
            List<String> exact = new ArrayList<>();
            for (String granted : caller.permissions()) {
                String like = likePattern(granted);
                if (like == null) {
                    exact.add(granted);
                } else {
                    String name = "p" + params.size();
                    who.add("s.permission LIKE :" + name + " ESCAPE '!'");
                    params.put(name, like);
                }
            }
            if (!exact.isEmpty()) {
                who.add("s.permission IN :permissions");
                params.put("permissions", exact);
            }
        }
        if (who.isEmpty()) {
            return List.of();
        }
        String jpql = "SELECT r FROM ApprovalRequestEntity r, ApprovalStepEntity s"
                + " WHERE s.requestId = r.id AND s.stepNo = r.currentStep AND r.state = :pending AND r.requester <> :me"
                + " AND (" + String.join(" OR ", who) + ")"
                + " AND (r.allowSameDecider = :yes OR NOT EXISTS (SELECT d FROM ApprovalDecisionEntity d"
                + " WHERE d.requestId = r.id AND d.decider = :me)) ORDER BY r.id";
        return read(em -> {
            TypedQuery<ApprovalRequestEntity> q = em.createQuery(jpql, ApprovalRequestEntity.class)
                    .setParameter("pending", ApprovalState.PENDING).setParameter("me", caller.username())
                    .setParameter("yes", 1);
            params.forEach(q::setParameter);
            return loadAll(em, q.setMaxResults(MAX_OPEN).getResultList()).stream()
                    .filter(r -> DecisionRules.refusal(r, caller) == null).toList();
        });
    }

    /**
     * A granted permission pattern ({@code catalog.*}, {@code *.read}) as an SQL LIKE pattern with '!' as the
     * escape character, or null for a plain permission name. Other uses of '*' match any permission here;
     * {@link Caller#hasPermission} has the last word on every row.
     */
    static String likePattern(String granted) {
        int star = granted.indexOf('*');
        if (star < 0) {
            return null;
        }
        if (granted.endsWith(".*") && star == granted.length() - 1) {
            return escapeLike(granted.substring(0, granted.length() - 1)) + "%";
        }
        if (granted.startsWith("*.") && granted.indexOf('*', 1) < 0) {
            return "%" + escapeLike(granted.substring(1));
        }
        return "%";
    }

    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Override
    public List<ApprovalRequest> mine(Caller caller, Long before, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ValidationException("limit must be between 1 and " + MAX_PAGE + " (got " + limit + ")",
                    Map.of("limit", "out of range"));
        }
        return read(em -> loadAll(em, em.createQuery("SELECT r FROM ApprovalRequestEntity r WHERE r.requester = :me"
                        + " AND r.id < :before ORDER BY r.id DESC", ApprovalRequestEntity.class)
                .setParameter("me", caller.username())
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults(limit).getResultList()));
    }

    @Override
    public ApprovalRequest get(Caller caller, long id) {
        ApprovalRequest r = read(em -> load(em, find(em, id)));
        if (!DecisionRules.mayRead(r, caller)) {
            throw new PermissionDeniedException(caller.username(), READ_ALL);
        }
        return r;
    }

    @Override
    public Optional<String> render(Caller caller, long id, Locale locale) {
        ApprovalRequest r = get(caller, id);
        Optional<HandlerRegistry.Bound> handler = handlers.get(r.kind());
        if (handler.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(handler.get().handler().render(r, locale == null ? Locale.SIMPLIFIED_CHINESE : locale));
        } catch (RuntimeException e) {
            LOG.warn("The handler of {} could not render request #{}: {}", r.kind(), id, e.getMessage(), e);
            return Optional.empty();
        }
    }

    @Override
    public List<ApprovalRequest> overdue(Caller caller) {
        return read(em -> loadAll(em, em.createQuery("SELECT r FROM ApprovalRequestEntity r WHERE r.state IN :states"
                        + " AND r.dueAt <= :now ORDER BY r.dueAt, r.id", ApprovalRequestEntity.class)
                .setParameter("states", UNAPPLIED).setParameter("now", ApprovalRequestEntity.utc(clock.now()))
                .setMaxResults(MAX_OPEN).getResultList()))
                .stream().filter(r -> DecisionRules.mayRead(r, caller)).toList();
    }

    @Override
    public List<ApprovalKind> kinds() {
        ApprovalSettings now = settings;
        return handlers.current().stream().map(b -> now.effective(b.kind())).toList();
    }

    // ---- storage ------------------------------------------------------------------------------

    private static ApprovalRequestEntity find(EntityManager em, long id) {
        ApprovalRequestEntity e = em.find(ApprovalRequestEntity.class, id);
        if (e == null) {
            throw new NotFoundException("approval request", Long.toString(id));
        }
        return e;
    }

    private static ApprovalRequest load(EntityManager em, ApprovalRequestEntity e) {
        return loadAll(em, List.of(e)).get(0);
    }

    /** The requests with their steps and decisions, in two queries whatever the number of requests. */
    private static List<ApprovalRequest> loadAll(EntityManager em, List<ApprovalRequestEntity> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        List<Long> ids = entities.stream().map(ApprovalRequestEntity::id).toList();
        Map<Long, List<ApprovalStep>> steps = em.createQuery("SELECT s FROM ApprovalStepEntity s WHERE s.requestId IN :ids"
                        + " ORDER BY s.requestId, s.stepNo", ApprovalStepEntity.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.groupingBy(ApprovalStepEntity::requestId,
                        Collectors.mapping(ApprovalStepEntity::toStep, Collectors.toList())));
        Map<Long, List<ApprovalDecision>> decisions = em.createQuery("SELECT d FROM ApprovalDecisionEntity d"
                        + " WHERE d.requestId IN :ids ORDER BY d.requestId, d.stepNo", ApprovalDecisionEntity.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.groupingBy(ApprovalDecisionEntity::requestId,
                        Collectors.mapping(ApprovalDecisionEntity::toDecision, Collectors.toList())));
        return entities.stream().map(e -> e.toRequest(steps.getOrDefault(e.id(), List.of()),
                decisions.getOrDefault(e.id(), List.of()))).toList();
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** A lost race: the optimistic lock, or a primary key taken by a concurrent decision. */
    static boolean isConflict(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException) {
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    // ---- validation, audit, events ------------------------------------------------------------

    private static String required(Map<String, Object> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "missing");
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            errors.put(field, "longer than " + max + " characters (got " + v.length() + ")");
        }
        return v;
    }

    private static void failIfAny(Map<String, Object> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.entrySet().stream().map(e -> e.getKey() + " is " + e.getValue())
                    .collect(Collectors.joining("; ")), errors);
        }
    }

    private void record(Caller actor, String action, ApprovalRequest r, String details) {
        try {
            audit.record(actor, action, "approval:" + r.id(), details.length() <= 16000 ? details : details.substring(0, 16000));
        } catch (RuntimeException e) {
            // The change is committed; refusing it now would only hide it. Loud, so that it is noticed.
            LOG.error("AUDIT MISSING: {} by {} on approval:{} could not be recorded: {}", action, actor.username(), r.id(),
                    e.getMessage(), e);
        }
    }

    private void post(String topic, ApprovalRequest r, String actor, Map<String, Object> extra) {
        EventAdmin ea = eventAdmin;
        if (ea == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>(extra);
        props.put(Topics.ACTOR, actor);
        props.put(Topics.SUBJECT, r.subject());
        props.put(Topics.TIME, clock.now().toString());
        props.put(ApprovalEvents.ID, r.id());
        props.put(ApprovalEvents.KIND, r.kind());
        props.put(ApprovalEvents.STATE, r.state().name());
        ea.postEvent(new Event(topic, props));
    }
}
