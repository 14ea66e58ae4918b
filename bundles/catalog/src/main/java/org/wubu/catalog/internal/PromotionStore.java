package org.wubu.catalog.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.catalog.api.CatalogEvents;
import org.wubu.catalog.api.Promotion;
import org.wubu.catalog.api.PromotionDraft;
import org.wubu.catalog.api.PromotionKind;
import org.wubu.catalog.api.PromotionPage;
import org.wubu.catalog.api.PromotionQuery;
import org.wubu.catalog.api.PromotionService;
import org.wubu.catalog.api.PromotionStatus;
import org.wubu.catalog.api.CatalogService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditService;

/**
 * Promotions (CAT-4) in the catalog's tables. Proposing and applying run in one transaction that first
 * locks CAT_PROMOTION, so that two overlapping promotions can never both pass the overlap check; the
 * approval request is submitted after the proposal is stored (the engine's handler reads it back).
 */
@Component(service = {PromotionService.class, PromotionStore.class})
public class PromotionStore implements PromotionService {

    private static final Logger LOG = LoggerFactory.getLogger(PromotionStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_NAME = 200;
    static final int MAX_REASON = 500;
    /** How many products or categories a refusal names before "and N more". */
    static final int NAMED = 10;

    private final CatalogStore catalog;
    private final ShopClock clock;
    private final AuditService audit;
    private final ApprovalService approvals;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    @Activate
    public PromotionStore(@Reference CatalogStore catalog, @Reference ShopClock clock, @Reference AuditService audit,
                          @Reference ApprovalService approvals) {
        this.catalog = catalog;
        this.clock = clock;
        this.audit = audit;
        this.approvals = approvals;
    }

    static String subject(long id) {
        return "promotion:" + id;
    }

    // ------------------------------------------------------------------ propose

    @Override
    public Promotion propose(Caller caller, PromotionDraft draft) {
        caller.require(PROPOSE);
        Instant now = clock.now();
        Target t = validate(draft, now);
        long id = catalog.inTransaction(em -> {
            lock(em);
            Map<String, Money> covered = covered(em, t.skus, t.categories);
            Map<String, Object> errors = new LinkedHashMap<>();
            List<String> unknown = t.skus.stream().filter(s -> !covered.containsKey(s)).collect(Collectors.toList());
            if (!unknown.isEmpty()) {
                errors.put("skus", "unknown: " + named(unknown));
            }
            if (covered.isEmpty()) {
                errors.put("targets", "cover no product (categories " + String.join(", ", t.categories) + ")");
            }
            if (draft.kind() == PromotionKind.FIXED_PRICE) {
                List<String> notBelow = covered.entrySet().stream()
                        .filter(e -> !e.getValue().currency().equals(draft.fixedPrice().currency())
                                || draft.fixedPrice().amount().compareTo(e.getValue().amount()) >= 0)
                        .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.toList());
                if (!notBelow.isEmpty()) {
                    errors.put("fixedPrice", draft.fixedPrice() + " is not below the list price of " + named(notBelow));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("the promotion is not valid: " + describe(errors), errors);
            }
            refuseOverlaps(em, null, t, covered.keySet(), draft.startAt(), draft.endAt(), now);
            em.createNativeQuery("INSERT INTO CAT_PROMOTION (NAME_ZH, NAME_EN, KIND, PERCENT_OFF, FIXED_PRICE, CURRENCY, START_AT,"
                            + " END_AT, STATUS, PROPOSED_BY, PROPOSED_AT) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                    .setParameter(1, draft.nameZh().trim()).setParameter(2, draft.nameEn().trim())
                    .setParameter(3, draft.kind().name()).setParameter(4, draft.percentOff())
                    .setParameter(5, draft.fixedPrice() == null ? null : draft.fixedPrice().amount())
                    .setParameter(6, draft.fixedPrice() == null ? null : draft.fixedPrice().currency().getCurrencyCode())
                    .setParameter(7, Sql.time(draft.startAt())).setParameter(8, Sql.time(draft.endAt()))
                    .setParameter(9, PromotionStatus.PENDING.name()).setParameter(10, caller.username())
                    .setParameter(11, Sql.time(now)).executeUpdate();
            // The table is locked by this transaction: the highest id is the row just inserted (portable,
            // unlike IDENTITY_VAL_LOCAL or RETURNING).
            long created = ((Number) em.createNativeQuery("SELECT MAX(ID) FROM CAT_PROMOTION").getSingleResult()).longValue();
            for (String sku : t.skus) {
                insertTarget(em, created, PromotionRows.TARGET_SKU, sku);
            }
            for (String category : t.categories) {
                insertTarget(em, created, PromotionRows.TARGET_CATEGORY, category);
            }
            return created;
        });
        Promotion stored = promotionById(id);
        ApprovalRequest request;
        try {
            request = approvals.submit(caller, KIND, subject(id), payload(stored), summary(stored));
        } catch (RuntimeException e) {
            // Never left pending without a request: it could block others' overlapping proposals for good.
            catalog.inTransaction(em -> em.createNativeQuery("UPDATE CAT_PROMOTION SET STATUS = ?1 WHERE ID = ?2")
                    .setParameter(1, PromotionStatus.REJECTED.name()).setParameter(2, id).executeUpdate());
            throw e;
        }
        catalog.inTransaction(em -> em.createNativeQuery("UPDATE CAT_PROMOTION SET APPROVAL_ID = ?1 WHERE ID = ?2")
                .setParameter(1, request.id()).setParameter(2, id).executeUpdate());
        Promotion result = promotionById(id);
        audit.record(caller, "catalog.promotion.proposed", subject(id), "approval " + request.id() + ": " + summary(result));
        post(CatalogEvents.PROMOTION_PROPOSED, caller.username(), result, Map.of("approval", request.id()));
        return result;
    }

    private static void insertTarget(EntityManager em, long id, String kind, String target) {
        em.createNativeQuery("INSERT INTO CAT_PROMOTION_TARGET (PROMOTION_ID, KIND, TARGET) VALUES (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, kind).setParameter(3, target).executeUpdate();
    }

    /** The SKUs (deduplicated, in the order given) and normalised category paths of a valid draft. */
    private record Target(List<String> skus, List<String> categories) {
    }

    private static Target validate(PromotionDraft d, Instant now) {
        if (d == null) {
            throw new ValidationException("the promotion is missing", Map.of("promotion", "missing"));
        }
        Map<String, Object> errors = new LinkedHashMap<>();
        required(errors, "nameZh", d.nameZh(), MAX_NAME);
        required(errors, "nameEn", d.nameEn(), MAX_NAME);
        if (d.kind() == null) {
            errors.put("kind", "missing: PERCENT or FIXED_PRICE");
        } else if (d.kind() == PromotionKind.PERCENT) {
            if (d.percentOff() == null) {
                errors.put("percentOff", "missing: 1 to 99");
            } else if (d.percentOff() < 1 || d.percentOff() > 99) {
                errors.put("percentOff", "must be 1 to 99 (got " + d.percentOff() + ")");
            }
            if (d.fixedPrice() != null) {
                errors.put("fixedPrice", "only for kind FIXED_PRICE");
            }
        } else {
            if (d.fixedPrice() == null) {
                errors.put("fixedPrice", "missing");
            } else if (!d.fixedPrice().isPositive()) {
                errors.put("fixedPrice", "must be more than 0");
            } else if (d.fixedPrice().amount().precision() - d.fixedPrice().amount().scale() > 10) {
                errors.put("fixedPrice", "too large");
            }
            if (d.percentOff() != null) {
                errors.put("percentOff", "only for kind PERCENT");
            }
        }
        Set<String> skus = new LinkedHashSet<>();
        for (String s : d.skus()) {
            if (s == null || s.isBlank()) {
                errors.put("skus", "contains a blank SKU");
            } else {
                skus.add(s.trim());
            }
        }
        Set<String> categories = new LinkedHashSet<>();
        for (String c : d.categories()) {
            String n = c == null ? "" : PromotionPricing.normalCategory(c);
            if (n.isEmpty()) {
                errors.put("categories", "contains a blank category");
            } else if (n.length() > 200) {
                errors.put("categories", "a category path is longer than 200 characters");
            } else {
                categories.add(n);
            }
        }
        if (skus.size() > MAX_SKUS) {
            errors.put("skus", "more than " + MAX_SKUS + " SKUs (got " + skus.size() + "): use categories");
        }
        if (categories.size() > MAX_CATEGORIES) {
            errors.put("categories", "more than " + MAX_CATEGORIES + " categories (got " + categories.size() + ")");
        }
        if (skus.isEmpty() && categories.isEmpty() && !errors.containsKey("skus") && !errors.containsKey("categories")) {
            errors.put("targets", "missing: at least one SKU or category");
        }
        if (d.startAt() == null) {
            errors.put("startAt", "missing");
        }
        if (d.endAt() == null) {
            errors.put("endAt", "missing");
        } else if (d.startAt() != null && !d.endAt().isAfter(d.startAt())) {
            errors.put("endAt", "must be after startAt");
        } else if (!d.endAt().isAfter(now)) {
            errors.put("endAt", "is in the past");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the promotion is not valid: " + describe(errors), errors);
        }
        return new Target(List.copyOf(skus), List.copyOf(categories));
    }

    // ------------------------------------------------------------------ overlaps

    /** Serialises proposing and applying: the overlap check and the write happen with nobody else in between. */
    private static void lock(EntityManager em) {
        em.createNativeQuery("LOCK TABLE CAT_PROMOTION IN EXCLUSIVE MODE").executeUpdate();
    }

    /** The products the targets cover now, by SKU (sorted), with their list prices. */
    static Map<String, Money> covered(EntityManager em, List<String> skus, List<String> categories) {
        Map<String, Money> out = new TreeMap<>();
        for (Object[] r : Sql.rowsIn(em, skus, new Object[0],
                in -> "SELECT SKU, PRICE, CURRENCY FROM CAT_PRODUCT WHERE SKU IN (" + in + ")")) {
            out.put((String) r[0], Sql.money(r[1], r[2]));
        }
        for (String c : categories) {
            String like = c.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "/%";
            for (Object r : em.createNativeQuery("SELECT SKU, PRICE, CURRENCY FROM CAT_PRODUCT WHERE CATEGORY = ?1"
                    + " OR CATEGORY LIKE ?2 ESCAPE '!'").setParameter(1, c).setParameter(2, like).getResultList()) {
                Object[] row = (Object[]) r;
                out.put((String) row[0], Sql.money(row[1], row[2]));
            }
        }
        return out;
    }

    /**
     * Refuses (409, {@link #OVERLAP}) when another promotion that is not rejected or cancelled overlaps the
     * window and covers one of the same products, or has a category target nested with one of ours (which
     * would cover the same products as soon as one is added).
     */
    private void refuseOverlaps(EntityManager em, Long self, Target mine, Set<String> myProducts, Instant start, Instant end,
                                Instant now) {
        List<Object> params = new ArrayList<>(List.of(Sql.time(end), Sql.time(start)));
        String where = "WHERE STATUS IN " + PromotionRows.OPEN + " AND START_AT < ?1 AND END_AT > ?2";
        if (self != null) {
            where += " AND ID <> ?3";
            params.add(self);
        }
        List<Map<String, Object>> conflicts = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (Promotion other : PromotionRows.query(em, where + " ORDER BY ID", params, 0, now)) {
            Set<String> shared = new TreeSet<>(covered(em, other.skus(), other.categories()).keySet());
            shared.retainAll(myProducts);
            Set<String> nested = new TreeSet<>();
            for (String a : mine.categories) {
                for (String b : other.categories()) {
                    if (PromotionPricing.nested(a, b)) {
                        nested.add(a.equals(b) ? a : a + " ~ " + b);
                    }
                }
            }
            if (shared.isEmpty() && nested.isEmpty()) {
                continue;
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", other.id());
            c.put("nameZh", other.nameZh());
            c.put("nameEn", other.nameEn());
            c.put("startAt", other.startAt().toString());
            c.put("endAt", other.endAt().toString());
            c.put("products", List.copyOf(shared));
            c.put("categories", List.copyOf(nested));
            conflicts.add(c);
            described.add("promotion " + other.id() + " \"" + other.nameZh() + " / " + other.nameEn() + "\" (" + shop(other.startAt())
                    + " – " + shop(other.endAt()) + ", " + other.status() + ")"
                    + (shared.isEmpty() ? "" : " on " + named(List.copyOf(shared)))
                    + (nested.isEmpty() ? "" : (shared.isEmpty() ? " on" : " and") + " categories " + String.join(", ", nested)));
        }
        if (!conflicts.isEmpty()) {
            throw new WubuException(OVERLAP, "the promotion overlaps " + String.join("; ", described)
                    + ": change its window or its products", Map.of("conflicts", conflicts));
        }
    }

    private String shop(Instant i) {
        return i.atZone(clock.zone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    // ------------------------------------------------------------------ approval, apply, cancel

    /** The approval engine's final approval (through {@link PromotionHandler}): approved, waiting to be applied. Idempotent. */
    void markApproved(long id, ApprovalRequest request) {
        Instant now = clock.now();
        int rows = catalog.inTransaction(em -> em.createNativeQuery("UPDATE CAT_PROMOTION SET STATUS = ?1, APPROVED_AT = ?2,"
                        + " APPROVAL_ID = ?3 WHERE ID = ?4 AND STATUS = ?5")
                .setParameter(1, PromotionStatus.APPROVED_AWAITING_APPLY.name()).setParameter(2, Sql.time(now))
                .setParameter(3, request.id()).setParameter(4, id).setParameter(5, PromotionStatus.PENDING.name())
                .executeUpdate());
        Promotion p = promotionById(id);
        if (rows == 0) {
            if (p.approvedAt() != null || p.status() == PromotionStatus.CANCELLED) {
                LOG.info("Approval {} of promotion {} changed nothing: it is {}", request.id(), id, p.status());
                return; // delivered again, or withdrawn meanwhile
            }
            throw new WubuException(NOT_APPROVED, "promotion " + id + " is " + p.status() + ", it cannot be approved");
        }
        String engine = "approval:" + request.id();
        audit.record(new Caller(engine, Set.of(), Set.of()), "catalog.promotion.approved", subject(id), "approved in request "
                + request.id() + " (requested by " + request.requester() + "); waits for the content specialist to apply it");
        post(CatalogEvents.PROMOTION_APPROVED, engine, p, Map.of("approval", request.id()));
    }

    /** The approval engine reports a rejection: the promotion ends. */
    void markRejected(long approvalId) {
        Instant now = clock.now();
        List<Promotion> rejected = catalog.inTransaction(em -> {
            List<Promotion> pending = PromotionRows.query(em, "WHERE APPROVAL_ID = ?1 AND STATUS = ?2",
                    List.of(approvalId, PromotionStatus.PENDING.name()), 0, now);
            em.createNativeQuery("UPDATE CAT_PROMOTION SET STATUS = ?1 WHERE APPROVAL_ID = ?2 AND STATUS = ?3")
                    .setParameter(1, PromotionStatus.REJECTED.name()).setParameter(2, approvalId)
                    .setParameter(3, PromotionStatus.PENDING.name()).executeUpdate();
            return pending;
        });
        String engine = "approval:" + approvalId;
        for (Promotion p : rejected) {
            audit.record(new Caller(engine, Set.of(), Set.of()), "catalog.promotion.rejected", subject(p.id()),
                    "rejected in request " + approvalId);
            post(CatalogEvents.PROMOTION_REJECTED, engine, p, Map.of("approval", approvalId));
        }
    }

    @Override
    public Promotion apply(Caller caller, long id) {
        caller.require(APPLY);
        Instant now = clock.now();
        Promotion applied = catalog.inTransaction(em -> {
            lock(em);
            Promotion p = PromotionRows.byId(em, id, now);
            if (p == null) {
                throw new NotFoundException("promotion", String.valueOf(id));
            }
            if (p.status() != PromotionStatus.APPROVED_AWAITING_APPLY) {
                throw notApplicable(p);
            }
            Target t = new Target(p.skus(), p.categories());
            // Products may have joined its categories since it was proposed.
            refuseOverlaps(em, id, t, covered(em, p.skus(), p.categories()).keySet(), p.startAt(), p.endAt(), now);
            em.createNativeQuery("UPDATE CAT_PROMOTION SET STATUS = ?1, APPLIED_BY = ?2, APPLIED_AT = ?3 WHERE ID = ?4 AND STATUS = ?5")
                    .setParameter(1, PromotionStatus.ACTIVE.name()).setParameter(2, caller.username())
                    .setParameter(3, Sql.time(now)).setParameter(4, id)
                    .setParameter(5, PromotionStatus.APPROVED_AWAITING_APPLY.name()).executeUpdate();
            return PromotionRows.byId(em, id, now);
        });
        audit.record(caller, "catalog.promotion.applied", subject(id), "proposed by " + applied.proposedBy() + ", approval "
                + applied.approvalId() + ": " + summary(applied));
        post(CatalogEvents.PROMOTION_APPLIED, caller.username(), applied, Map.of());
        return applied;
    }

    private WubuException notApplicable(Promotion p) {
        String why = switch (p.status()) {
            case PENDING -> "the marketing director has not approved it yet";
            case ACTIVE -> "it is already applied";
            case ENDED -> "its window ended at " + shop(p.endAt());
            default -> "it is " + p.status();
        };
        String code = p.status() == PromotionStatus.PENDING || p.status() == PromotionStatus.ACTIVE ? NOT_APPROVED : CLOSED;
        return new WubuException(code, "promotion " + p.id() + " cannot be applied: " + why, Map.of("status", p.status().name()));
    }

    @Override
    public Promotion cancel(Caller caller, long id, String reason) {
        if (!caller.hasPermission(PROPOSE)) {
            caller.require(APPLY);
        }
        Map<String, Object> errors = new LinkedHashMap<>();
        required(errors, "reason", reason, MAX_REASON);
        if (!errors.isEmpty()) {
            throw new ValidationException("say why the promotion is cancelled: " + describe(errors), errors);
        }
        Instant now = clock.now();
        Promotion cancelled = catalog.inTransaction(em -> {
            lock(em);
            Promotion p = PromotionRows.byId(em, id, now);
            if (p == null) {
                throw new NotFoundException("promotion", String.valueOf(id));
            }
            if (p.status() == PromotionStatus.ACTIVE) {
                caller.require(APPLY); // stopping what is in force is the content specialist's step
            } else if (p.status() != PromotionStatus.PENDING && p.status() != PromotionStatus.APPROVED_AWAITING_APPLY) {
                throw new WubuException(CLOSED, "promotion " + id + " is " + p.status() + ": nothing to cancel",
                        Map.of("status", p.status().name()));
            }
            em.createNativeQuery("UPDATE CAT_PROMOTION SET STATUS = ?1, CANCELLED_BY = ?2, CANCELLED_AT = ?3, CANCEL_REASON = ?4"
                            + " WHERE ID = ?5")
                    .setParameter(1, PromotionStatus.CANCELLED.name()).setParameter(2, caller.username())
                    .setParameter(3, Sql.time(now)).setParameter(4, reason.trim()).setParameter(5, id).executeUpdate();
            return PromotionRows.byId(em, id, now);
        });
        audit.record(caller, "catalog.promotion.cancelled", subject(id), "reason: " + cancelled.cancelReason() + "; " + summary(cancelled));
        post(CatalogEvents.PROMOTION_CANCELLED, caller.username(), cancelled, Map.of(CatalogEvents.REASON, cancelled.cancelReason()));
        return cancelled;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public Optional<Promotion> find(Caller caller, long id) {
        caller.require(CatalogService.READ);
        Instant now = clock.now();
        return Optional.ofNullable(catalog.inTransaction(em -> PromotionRows.byId(em, id, now)));
    }

    Promotion promotionById(long id) {
        return find(Caller.SYSTEM, id).orElseThrow(() -> new NotFoundException("promotion", String.valueOf(id)));
    }

    @Override
    public PromotionPage list(Caller caller, PromotionQuery q) {
        caller.require(CatalogService.READ);
        Instant now = clock.now();
        return catalog.inTransaction(em -> {
            StringBuilder where = new StringBuilder("WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (q.status() != null) {
                switch (q.status()) {
                    case ENDED -> {
                        params.add(Sql.time(now));
                        where.append(" AND STATUS IN ").append(PromotionRows.OPEN).append(" AND END_AT <= ?").append(params.size());
                    }
                    case PENDING, APPROVED_AWAITING_APPLY, ACTIVE -> {
                        params.add(q.status().name());
                        where.append(" AND STATUS = ?").append(params.size());
                        params.add(Sql.time(now));
                        where.append(" AND END_AT > ?").append(params.size());
                    }
                    default -> {
                        params.add(q.status().name());
                        where.append(" AND STATUS = ?").append(params.size());
                    }
                }
            }
            if (q.before() != null) {
                params.add(q.before());
                where.append(" AND ID < ?").append(params.size());
            }
            if (q.sku() != null) {
                List<?> category = em.createNativeQuery("SELECT CATEGORY FROM CAT_PRODUCT WHERE SKU = ?1")
                        .setParameter(1, q.sku()).getResultList();
                if (category.isEmpty()) {
                    throw new NotFoundException("product", q.sku());
                }
                params.add(q.sku());
                where.append(" AND ID IN (SELECT PROMOTION_ID FROM CAT_PROMOTION_TARGET WHERE (KIND = '")
                        .append(PromotionRows.TARGET_SKU).append("' AND TARGET = ?").append(params.size()).append(")");
                for (String prefix : PromotionPricing.prefixes((String) category.get(0))) {
                    params.add(prefix);
                    where.append(" OR (KIND = '").append(PromotionRows.TARGET_CATEGORY).append("' AND TARGET = ?")
                            .append(params.size()).append(")");
                }
                where.append(")");
            }
            List<Promotion> rows = PromotionRows.query(em, where + " ORDER BY ID DESC", params, q.limit() + 1, now);
            Long next = null;
            if (rows.size() > q.limit()) {
                rows = rows.subList(0, q.limit());
                next = rows.get(rows.size() - 1).id();
            }
            return new PromotionPage(rows, next);
        });
    }

    // ------------------------------------------------------------------ helpers

    static String payload(Promotion p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("promotionId", p.id());
        m.put("nameZh", p.nameZh());
        m.put("nameEn", p.nameEn());
        m.put("kind", p.kind().name());
        m.put("percentOff", p.percentOff());
        m.put("fixedPrice", p.fixedPrice() == null ? null : p.fixedPrice().amount().toPlainString());
        m.put("currency", p.fixedPrice() == null ? null : p.fixedPrice().currency().getCurrencyCode());
        m.put("skus", p.skus());
        m.put("categories", p.categories());
        m.put("startAt", p.startAt().toString());
        m.put("endAt", p.endAt().toString());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line for the approval inbox and the audit log. */
    String summary(Promotion p) {
        String what = p.kind() == PromotionKind.PERCENT ? p.percentOff() + "% off" : "at " + p.fixedPrice();
        List<String> targets = new ArrayList<>(p.skus());
        p.categories().forEach(c -> targets.add("category " + c));
        return p.nameZh() + " / " + p.nameEn() + ": " + what + " on " + named(targets) + ", " + shop(p.startAt()) + " – "
                + shop(p.endAt()) + " (" + clock.zone() + ")";
    }

    static String named(List<String> items) {
        if (items.size() <= NAMED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, NAMED)) + " and " + (items.size() - NAMED) + " more";
    }

    private static void required(Map<String, Object> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "missing");
        } else if (value.trim().length() > max) {
            errors.put(field, "longer than " + max + " characters");
        }
    }

    private static String describe(Map<String, Object> errors) {
        return errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private void post(String topic, String actor, Promotion p, Map<String, Object> extra) {
        Map<String, Object> props = new LinkedHashMap<>(extra);
        props.put(CatalogEvents.PROMOTION, p.id());
        props.put("status", p.status().name());
        CatalogEventPost.post(eventAdmin, topic, actor, subject(p.id()), clock.now(), props);
    }
}
