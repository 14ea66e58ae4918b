package org.wubu.catalog.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.StockMovement;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.catalog.api.counts.CountEvents;
import org.wubu.catalog.api.counts.CountLine;
import org.wubu.catalog.api.counts.CountTask;
import org.wubu.catalog.api.counts.CountTaskStatus;
import org.wubu.catalog.api.counts.StockCountService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * Stock count tasks on JPA (CAT-5). Stock itself changes only through the {@link CatalogService}: a
 * count's difference to the book stock is recorded there as a count adjustment by the person who
 * counted. Counting and completing a task take a row lock on the task first, so two people entering
 * the same line, or a count racing the completion, happen one after the other; the difference is
 * always taken against the stock as it is at that moment, which makes a repeated entry harmless.
 */
@Component(service = {StockCountService.class, CountTaskStore.class})
public class CountTaskStore implements StockCountService {

    private static final Logger LOG = LoggerFactory.getLogger(CountTaskStore.class);

    private final Transactions tx;
    private final CatalogService catalog;
    private final ShopClock clock;
    private final AuditService audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    @Activate
    public CountTaskStore(@Reference(target = "(osgi.unit.name=wubu-catalog)") EntityManagerFactory emf,
                          @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.catalog)") SchemaReady schema,
                          @Reference CatalogService catalog, @Reference ShopClock clock, @Reference AuditService audit) {
        this.tx = new Transactions(emf);
        this.catalog = catalog;
        this.clock = clock;
        this.audit = audit;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public List<CountTask> tasks(Caller caller, CountTaskStatus status, Long before, int limit) {
        caller.require(CatalogService.READ);
        if (limit < 1 || limit > MAX_TASKS) {
            throw new ValidationException("limit must be between 1 and " + MAX_TASKS + " (got " + limit + ")",
                    Map.of("limit", "out of range"));
        }
        return tx.read(em -> {
            TypedQuery<CountTaskEntity> q = em.createQuery("SELECT t FROM CountTaskEntity t WHERE t.id < :before"
                    + (status == null ? "" : " AND t.status = :status") + " ORDER BY t.id DESC", CountTaskEntity.class)
                    .setParameter("before", before == null ? Long.MAX_VALUE : before);
            if (status != null) {
                q.setParameter("status", status.name());
            }
            List<CountTaskEntity> rows = q.setMaxResults(limit).getResultList();
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<Long, long[]> tallies = tallies(em, rows.get(rows.size() - 1).id(), rows.get(0).id());
            LocalDate today = clock.today();
            return rows.stream().map(t -> toTask(t, tallies.get(t.id()), today)).collect(Collectors.toList());
        });
    }

    @Override
    public CountTask task(Caller caller, long taskId) {
        caller.require(CatalogService.READ);
        return tx.read(em -> {
            CountTaskEntity t = em.find(CountTaskEntity.class, taskId);
            if (t == null) {
                throw new NotFoundException("count task", Long.toString(taskId));
            }
            return toTask(t, tallies(em, taskId, taskId).get(taskId), clock.today());
        });
    }

    @Override
    public List<CountLine> lines(Caller caller, long taskId) {
        caller.require(CatalogService.READ);
        return tx.read(em -> {
            if (em.find(CountTaskEntity.class, taskId) == null) {
                throw new NotFoundException("count task", Long.toString(taskId));
            }
            return em.createQuery("SELECT l FROM CountLineEntity l WHERE l.taskId = :t ORDER BY l.sku", CountLineEntity.class)
                    .setParameter("t", taskId).getResultList().stream().map(CountLineEntity::toLine).collect(Collectors.toList());
        });
    }

    /** Per task id: lines, counted, not counted, adjusted. */
    private static Map<Long, long[]> tallies(EntityManager em, long fromId, long toId) {
        List<?> rows = em.createNativeQuery("SELECT TASK_ID, COUNT(*), COUNT(COUNTED), COUNT(NOT_COUNTED_REASON), COUNT(MOVEMENT_ID)"
                        + " FROM CAT_COUNT_LINE WHERE TASK_ID BETWEEN ?1 AND ?2 GROUP BY TASK_ID")
                .setParameter(1, fromId).setParameter(2, toId).getResultList();
        Map<Long, long[]> out = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            out.put(((Number) r[0]).longValue(), new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue()});
        }
        return out;
    }

    private static CountTask toTask(CountTaskEntity t, long[] tally, LocalDate today) {
        long[] n = tally == null ? new long[4] : tally;
        boolean open = t.status() == CountTaskStatus.OPEN;
        return new CountTask(t.id(), t.dueDate(), t.category(), t.status(), open && t.dueDate().equals(today),
                open && t.dueDate().isBefore(today), (int) n[0], (int) n[1], (int) n[2], (int) n[3], Utc.of(t.createdAt()),
                t.completedBy(), Utc.of(t.completedAt()));
    }

    // ------------------------------------------------------------------ counting

    @Override
    public CountLine enterCount(Caller caller, long taskId, String sku, long counted, String note) {
        caller.require(CatalogService.STOCK_COUNT);
        Map<String, Object> errors = new LinkedHashMap<>();
        if (sku == null || sku.isBlank()) {
            errors.put("sku", "missing");
        }
        if (counted < 0) {
            errors.put("counted", "must be 0 or more (got " + counted + ")");
        }
        String n = note == null || note.isBlank() ? null : note.trim();
        if (n != null && n.length() > 500) {
            errors.put("note", "longer than 500 characters");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the count is not valid: " + describe(errors), errors);
        }
        LocalDateTime now = Utc.of(clock.now());
        long[] outcome = new long[3];
        CountLine line = tx.write(em -> {
            lockOpen(em, taskId);
            CountLineEntity l = line(em, taskId, sku.trim());
            Product product = catalog.find(caller, l.sku()).orElseThrow(() -> new NotFoundException("product", l.sku()));
            long book = product.stock();
            long difference = counted - book;
            Long movementId = null;
            if (difference != 0) {
                // The catalog's own transaction (it checks catalog.stock.count again and keeps stock from going below
                // zero). Should ours fail after it, the ledger holds the adjustment and the line is still open: entering
                // the count again finds no difference, so nothing is adjusted twice.
                StockMovement m = catalog.recordMovement(caller, l.sku(), StockMovementKind.COUNT_ADJUSTMENT, difference,
                        reason(taskId));
                movementId = m.id();
            }
            l.counted(counted, book, movementId, n, caller.username(), now);
            em.flush();
            outcome[0] = book;
            outcome[1] = difference;
            outcome[2] = movementId == null ? -1 : movementId;
            return l.toLine();
        });
        audit.record(caller, "catalog.count.entered", subject(taskId), line.sku() + ": counted " + counted + ", book stock "
                + outcome[0] + ", difference " + outcome[1] + (outcome[2] < 0 ? ", no adjustment" : ", adjustment " + outcome[2])
                + (n == null ? "" : "; note: " + n));
        post(CountEvents.COUNT_ENTERED, caller, taskId, Map.of(CountEvents.SKU, line.sku(), CountEvents.DIFFERENCE, outcome[1]));
        return line;
    }

    @Override
    public CountLine markNotCounted(Caller caller, long taskId, String sku, String reason) {
        caller.require(CatalogService.STOCK_COUNT);
        Map<String, Object> errors = new LinkedHashMap<>();
        if (sku == null || sku.isBlank()) {
            errors.put("sku", "missing");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("notCounted", "the reason is missing");
        } else if (reason.trim().length() > 500) {
            errors.put("notCounted", "longer than 500 characters");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("a line marked not counted needs its SKU and the reason: " + describe(errors), errors);
        }
        LocalDateTime now = Utc.of(clock.now());
        CountLine line = tx.write(em -> {
            lockOpen(em, taskId);
            CountLineEntity l = line(em, taskId, sku.trim());
            if (l.counted() != null) {
                throw new ValidationException("product " + l.sku() + " was already counted (" + l.counted()
                        + "); enter a new count to correct it", Map.of("notCounted", "already counted"));
            }
            l.notCounted(reason.trim(), caller.username(), now);
            em.flush();
            return l.toLine();
        });
        audit.record(caller, "catalog.count.not-counted", subject(taskId), line.sku() + ": " + line.notCountedReason());
        post(CountEvents.COUNT_ENTERED, caller, taskId, Map.of(CountEvents.SKU, line.sku(), "notCounted", line.notCountedReason()));
        return line;
    }

    @Override
    public CountTask complete(Caller caller, long taskId) {
        caller.require(CatalogService.STOCK_COUNT);
        LocalDateTime now = Utc.of(clock.now());
        CountTask done = tx.write(em -> {
            lockOpen(em, taskId);
            List<?> open = em.createNativeQuery("SELECT SKU FROM CAT_COUNT_LINE WHERE TASK_ID = ?1 AND COUNTED IS NULL"
                    + " AND NOT_COUNTED_REASON IS NULL ORDER BY SKU").setParameter(1, taskId).getResultList();
            if (!open.isEmpty()) {
                List<String> skus = open.stream().map(String::valueOf).collect(Collectors.toList());
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("open", skus.size());
                details.put("skus", skus.subList(0, Math.min(skus.size(), 50)));
                throw new WubuException(NOT_SETTLED, skus.size() + " line(s) of count task " + taskId
                        + " are neither counted nor marked not counted: " + String.join(", ", skus.subList(0, Math.min(skus.size(), 10)))
                        + (skus.size() > 10 ? ", ..." : ""), details);
            }
            CountTaskEntity t = em.find(CountTaskEntity.class, taskId);
            t.complete(caller.username(), now);
            em.flush();
            return toTask(t, tallies(em, taskId, taskId).get(taskId), clock.today());
        });
        audit.record(caller, "catalog.count.completed", subject(taskId), "due " + done.dueDate() + ", " + done.lines()
                + " lines: " + done.counted() + " counted, " + done.notCounted() + " not counted, " + done.adjusted() + " adjusted");
        post(CountEvents.COUNT_TASK_DONE, caller, taskId, Map.of(CountEvents.DUE_DATE, done.dueDate().toString()));
        return done;
    }

    /** Takes the task's row lock for the rest of the transaction; refuses a missing or finished task. */
    private static void lockOpen(EntityManager em, long taskId) {
        int rows = em.createNativeQuery("UPDATE CAT_COUNT_TASK SET VERSION = VERSION WHERE ID = ?1 AND STATUS = ?2")
                .setParameter(1, taskId).setParameter(2, CountTaskStatus.OPEN.name()).executeUpdate();
        if (rows == 0) {
            CountTaskEntity t = em.find(CountTaskEntity.class, taskId);
            if (t == null) {
                throw new NotFoundException("count task", Long.toString(taskId));
            }
            throw new WubuException(TASK_DONE, "count task " + taskId + " was completed by " + t.completedBy()
                    + "; its counts can no longer change", Map.of("status", t.status().name()));
        }
    }

    private static CountLineEntity line(EntityManager em, long taskId, String sku) {
        List<CountLineEntity> found = em.createQuery("SELECT l FROM CountLineEntity l WHERE l.taskId = :t AND l.sku = :sku",
                CountLineEntity.class).setParameter("t", taskId).setParameter("sku", sku).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("line of count task " + taskId, sku);
        }
        return found.get(0);
    }

    /** The "why" of a count adjustment in the stock ledger. */
    static String reason(long taskId) {
        return "count task " + taskId;
    }

    static String subject(long taskId) {
        return "count-task:" + taskId;
    }

    // ------------------------------------------------------------------ generation (CountTaskGeneration)

    /** The latest due date of the scope's tasks, if any. */
    Optional<LocalDate> lastDueDate(String scope) {
        return tx.read(em -> em.createQuery("SELECT MAX(t.dueDate) FROM CountTaskEntity t WHERE t.scope = :s", LocalDate.class)
                .setParameter("s", scope).getResultList().stream().filter(d -> d != null).findFirst());
    }

    /**
     * Creates the scope's task for a due date with a line per product, in one transaction; answers empty
     * when that task exists already (generated by another node or an earlier run).
     *
     * @param missed due dates passed over while the platform was down, for the audit entry (may be empty)
     */
    Optional<CountTask> generate(LocalDate due, String scope, List<Product> products, String missed) {
        LocalDateTime now = Utc.of(clock.now());
        CountTask created;
        try {
            created = tx.write(em -> {
                if (exists(em, scope, due)) {
                    return null;
                }
                CountTaskEntity t = new CountTaskEntity(due, scope, Caller.SYSTEM.username(), now);
                em.persist(t);
                em.flush();
                for (Product p : products) {
                    em.persist(new CountLineEntity(t.id(), p.sku(), p.titleZh(), p.titleEn()));
                }
                em.flush();
                return toTask(t, new long[] {products.size(), 0, 0, 0}, clock.today());
            });
        } catch (PersistenceException e) {
            // Lost the race on CAT_COUNT_TASK_DUE_UQ: someone else generated it between our check and our insert.
            if (tx.read(em -> exists(em, scope, due))) {
                return Optional.empty();
            }
            throw e;
        }
        if (created == null) {
            return Optional.empty();
        }
        audit.record(Caller.SYSTEM, "catalog.count.generated", subject(created.id()), "due " + due + ", "
                + (created.category() == null ? "all products" : "category " + created.category()) + ", " + products.size()
                + " lines" + (missed == null || missed.isEmpty() ? "" : "; passed over while down: " + missed));
        post(CountEvents.COUNT_TASK_CREATED, Caller.SYSTEM, created.id(), Map.of(CountEvents.DUE_DATE, due.toString(),
                "lines", products.size()));
        LOG.info("Generated count task {} due {} with {} lines", created.id(), due, products.size());
        return Optional.of(created);
    }

    private static boolean exists(EntityManager em, String scope, LocalDate due) {
        return !em.createQuery("SELECT t.id FROM CountTaskEntity t WHERE t.scope = :s AND t.dueDate = :d")
                .setParameter("s", scope).setParameter("d", due).getResultList().isEmpty();
    }

    /**
     * Adds products created since a task was generated to every open task whose scope covers them, so
     * that a task generated while products were still being created misses none of them.
     *
     * @return the number of lines added
     */
    int addToOpenTasks(List<Product> products) {
        if (products.isEmpty()) {
            return 0;
        }
        Map<Long, List<String>> added = new LinkedHashMap<>();
        tx.write(em -> {
            List<CountTaskEntity> open = em.createQuery("SELECT t FROM CountTaskEntity t WHERE t.status = :s ORDER BY t.id",
                    CountTaskEntity.class).setParameter("s", CountTaskStatus.OPEN.name()).getResultList();
            for (CountTaskEntity t : open) {
                for (Product p : products) {
                    if (!CountTaskGeneration.covers(t.scope(), p.category())) {
                        continue;
                    }
                    boolean present = !em.createQuery("SELECT l.id FROM CountLineEntity l WHERE l.taskId = :t AND l.sku = :sku")
                            .setParameter("t", t.id()).setParameter("sku", p.sku()).getResultList().isEmpty();
                    if (!present) {
                        em.persist(new CountLineEntity(t.id(), p.sku(), p.titleZh(), p.titleEn()));
                        added.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(p.sku());
                    }
                }
            }
            em.flush();
            return null;
        });
        added.forEach((taskId, skus) -> audit.record(Caller.SYSTEM, "catalog.count.lines-added", subject(taskId),
                "new products: " + String.join(", ", skus)));
        return added.values().stream().mapToInt(List::size).sum();
    }

    // ------------------------------------------------------------------ helpers

    private static String describe(Map<String, Object> errors) {
        return errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private void post(String topic, Caller caller, long taskId, Map<String, Object> extra) {
        EventAdmin ea = eventAdmin;
        if (ea == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>(extra);
        props.put(Topics.ACTOR, caller.username());
        props.put(Topics.SUBJECT, subject(taskId));
        props.put(Topics.TIME, clock.now().toString());
        props.put(CountEvents.TASK_ID, taskId);
        ea.postEvent(new Event(topic, props));
    }
}
