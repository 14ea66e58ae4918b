package org.wubu.audit.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditEntry;
import org.wubu.platform.api.audit.AuditPage;
import org.wubu.platform.api.audit.AuditQuery;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.chain.ChainHead;
import org.wubu.platform.api.chain.ChainVerification;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.platform.api.persistence.UnitOfWork;

/**
 * The audit log: appends hash-chained entries and walks the chain to verify it. Appends are serialised
 * in this JVM; the primary key on the gap-free sequence makes a concurrent append from another node fail
 * and retry instead of forking the chain.
 *
 * <p>An entry recorded inside a {@link UnitOfWork} is written in that unit's transaction, so it is
 * committed with the change it describes or not at all. The chain's lock is then held until the unit
 * ends: the next entry must be chained to a committed head, never to one that may still roll back.
 */
@Component(service = AuditService.class)
public class AuditLog implements AuditService {

    static final int MAX_DETAILS = 16000;
    private static final int VERIFY_BATCH = 1000;
    private static final int APPEND_ATTEMPTS = 3;

    private final EntityManagerFactory emf;
    private final ShopClock clock;
    private final UnitOfWork units;
    /** Held from reading the chain's head to the commit of the entry chained to it. */
    private final ReentrantLock chain = new ReentrantLock();
    /**
     * The committed head, kept while the lock is held so that an append does not read it back (two queries per
     * entry); null when it must be read (at start, after any failure or rollback). Guarded by {@link #chain}.
     */
    private AuditEntry head;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    @Activate
    public AuditLog(@Reference(target = "(osgi.unit.name=wubu-audit)") EntityManagerFactory emf,
                    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.audit)") SchemaReady schema,
                    @Reference ShopClock clock, @Reference UnitOfWork units) {
        this.emf = emf;
        this.clock = clock;
        this.units = units;
    }

    @Override
    public AuditEntry record(Caller actor, String action, String subject, String details) {
        String a = required("action", action, 100);
        String s = required("subject", subject, 300);
        String d = details == null ? "" : details;
        if (d.length() > MAX_DETAILS) {
            throw new ValidationException("audit details are limited to " + MAX_DETAILS + " characters (got " + d.length() + ")");
        }
        AuditEntry entry = units.active() ? appendInUnit(actor.username(), a, s, d) : append(actor.username(), a, s, d);
        EventAdmin ea = eventAdmin;
        if (ea != null) {
            Map<String, Object> props = new HashMap<>();
            props.put(Topics.ACTOR, entry.actor());
            props.put(Topics.SUBJECT, entry.subject());
            props.put(Topics.TIME, entry.time().toString());
            props.put("action", entry.action());
            props.put("sequence", entry.sequence());
            Event event = new Event(Topics.AUDIT_RECORDED, props);
            units.afterCommit(() -> ea.postEvent(event));
        }
        return entry;
    }

    /**
     * In the caller's unit: the entry is committed (or rolled back) with the unit, and the chain stays locked
     * until then. No retry here: a failure fails the unit, whose writes would otherwise be committed unaudited.
     */
    private AuditEntry appendInUnit(String actor, String action, String subject, String details) {
        if (!chain.isHeldByCurrentThread()) {
            chain.lock();
            units.afterCompletion(committed -> {
                if (!committed) {
                    head = null; // the unit's entries are gone
                }
                chain.unlock();
            });
        }
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            AuditEntry entry = AuditChain.next(head != null ? head : latest(em).orElse(null), clock.now(), actor, action, subject,
                    details);
            AuditRows.insert(em, entry);
            em.getTransaction().commit(); // joins the unit: written now, committed by the unit
            head = entry; // dropped above if the unit rolls back
            return entry;
        } catch (PersistenceException e) {
            head = null;
            throw new WubuException("audit-unavailable", "the audit log could not record '" + action + "': " + e.getMessage());
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private AuditEntry append(String actor, String action, String subject, String details) {
        chain.lock();
        try {
            return appendAlone(actor, action, subject, details);
        } finally {
            chain.unlock();
        }
    }

    private AuditEntry appendAlone(String actor, String action, String subject, String details) {
        PersistenceException last = null;
        for (int attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                AuditEntry previous = head != null ? head : latest(em).orElse(null);
                AuditEntry entry = AuditChain.next(previous, clock.now(), actor, action, subject, details);
                AuditRows.insert(em, entry);
                em.getTransaction().commit();
                head = entry;
                return entry;
            } catch (PersistenceException e) {
                // Most likely another node appended the same sequence number first: read the new head, retry.
                head = null;
                last = e;
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        }
        throw new WubuException("audit-unavailable", "the audit log could not record '" + action + "': "
                + (last == null ? "unknown error" : last.getMessage()));
    }

    /**
     * The chain's head. MAX of the primary key, then the row by its key: Derby reads MAX from the end of the
     * index, while "ORDER BY SEQ DESC" sorted the whole table, so that every entry cost more than the last.
     */
    private static Optional<AuditEntry> latest(EntityManager em) {
        Long head = em.createQuery("SELECT MAX(e.sequence) FROM AuditEntryEntity e", Long.class).getSingleResult();
        return head == null ? Optional.empty() : Optional.ofNullable(em.find(AuditEntryEntity.class, head)).map(AuditEntryEntity::toEntry);
    }

    @Override
    public AuditPage list(Caller caller, AuditQuery q) {
        caller.require(READ);
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEntryEntity e WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.actor() != null) {
            jpql.append(" AND e.actor = :actor");
            params.put("actor", q.actor());
        }
        if (q.subject() != null) {
            jpql.append(" AND e.subject = :subject");
            params.put("subject", q.subject());
        }
        if (q.action() != null) {
            jpql.append(" AND e.action = :action");
            params.put("action", q.action());
        }
        if (q.from() != null) {
            jpql.append(" AND e.occurredAt >= :from");
            params.put("from", utc(q.from()));
        }
        if (q.to() != null) {
            jpql.append(" AND e.occurredAt < :to");
            params.put("to", utc(q.to()));
        }
        if (q.before() != null) {
            jpql.append(" AND e.sequence < :before");
            params.put("before", q.before());
        }
        jpql.append(" ORDER BY e.sequence DESC");
        EntityManager em = emf.createEntityManager();
        try {
            TypedQuery<AuditEntryEntity> query = em.createQuery(jpql.toString(), AuditEntryEntity.class);
            params.forEach(query::setParameter);
            List<AuditEntry> rows = query.setMaxResults(q.limit() + 1).getResultList().stream()
                    .map(AuditEntryEntity::toEntry).collect(Collectors.toList());
            Long next = null;
            if (rows.size() > q.limit()) {
                rows = new ArrayList<>(rows.subList(0, q.limit()));
                next = rows.get(rows.size() - 1).sequence();
            }
            return new AuditPage(rows, next);
        } finally {
            em.close();
        }
    }

    @Override
    public ChainVerification verify(Caller caller) {
        caller.require(VERIFY);
        EntityManager em = emf.createEntityManager();
        try {
            AuditEntry previous = null;
            long checked = 0;
            while (true) {
                List<AuditEntry> batch = em.createQuery(
                                "SELECT e FROM AuditEntryEntity e WHERE e.sequence > :after ORDER BY e.sequence", AuditEntryEntity.class)
                        .setParameter("after", previous == null ? 0L : previous.sequence())
                        .setMaxResults(VERIFY_BATCH).getResultList().stream()
                        .map(AuditEntryEntity::toEntry).collect(Collectors.toList());
                em.clear();
                for (AuditEntry e : batch) {
                    String problem = AuditChain.problem(previous, e);
                    if (problem != null) {
                        return ChainVerification.broken(checked, e.sequence(), problem);
                    }
                    previous = e;
                    checked++;
                }
                if (batch.size() < VERIFY_BATCH) {
                    return ChainVerification.intact(checked);
                }
            }
        } finally {
            em.close();
        }
    }

    @Override
    public Optional<ChainHead> head() {
        EntityManager em = emf.createEntityManager();
        try {
            return latest(em).map(e -> new ChainHead(e.sequence(), e.hash()));
        } finally {
            em.close();
        }
    }

    @Override
    public long count() {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT COUNT(e) FROM AuditEntryEntity e", Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("an audit entry needs a " + field, Map.of(field, "missing"));
        }
        if (value.length() > max) {
            throw new ValidationException("audit " + field + " is limited to " + max + " characters", Map.of(field, "too long"));
        }
        return value;
    }
}
