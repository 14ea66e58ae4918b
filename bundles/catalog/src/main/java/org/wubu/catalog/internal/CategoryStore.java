package org.wubu.catalog.internal;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Category;
import org.wubu.catalog.api.CategoryService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * The category tree on CAT_CATEGORY: permission first, validation naming the fields, one transaction, an
 * audit entry and an event per change.
 */
@Component(service = {CategoryService.class, CategoryStore.class})
public class CategoryStore implements CategoryService {

    static final int MAX_NAME = 100;

    private final EntityManagerFactory emf;
    private final ShopClock clock;
    private final AuditService audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    @Activate
    public CategoryStore(@Reference(target = "(osgi.unit.name=wubu-catalog)") EntityManagerFactory emf,
                         @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.catalog)") SchemaReady schema,
                         @Reference ShopClock clock, @Reference AuditService audit) {
        this.emf = emf;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public List<Category> categories(Caller caller) {
        caller.require(CatalogService.READ);
        EntityManager em = emf.createEntityManager();
        try {
            return CategoryTable.tree(em);
        } finally {
            em.close();
        }
    }

    @Override
    public Category create(Caller caller, String path, String nameZh, String nameEn, Integer sortOrder) {
        caller.require(CatalogService.PRODUCT_EDIT);
        Map<String, Object> errors = new LinkedHashMap<>();
        String p = path == null ? "" : path.trim();
        if (p.isEmpty()) {
            errors.put("path", "missing");
        } else if (!p.matches(PATH_PATTERN)) {
            errors.put("path", "must be 1 to 5 segments of lower-case letters, digits and '-' joined by '/', e.g. tea/green (got '"
                    + p + "')");
        }
        names(errors, nameZh, nameEn);
        sortOrder(errors, sortOrder);
        if (!errors.isEmpty()) {
            throw new ValidationException("the category is not valid: " + describe(errors), errors);
        }
        LocalDateTime now = Utc.of(clock.now());
        String parent = CategoryTable.parent(p);
        Category created = inTransaction(em -> {
            if (CategoryTable.exists(em, p)) {
                throw new WubuException("duplicate", "category " + p + " exists already (分类已存在)", Map.of("path", "taken"));
            }
            if (parent != null && !CategoryTable.exists(em, parent)) {
                throw new ValidationException("the parent category " + parent + " does not exist: create it first (上级分类不存在)",
                        Map.of("path", "parent " + parent + " missing"));
            }
            int order = sortOrder != null ? sortOrder : CategoryTable.nextSortOrder(em, parent);
            CategoryTable.insert(em, p, nameZh.trim(), nameEn.trim(), order, caller.username(), now);
            return CategoryTable.find(em, p);
        });
        audit.record(caller, "catalog.category.created", subject(p), created.nameZh() + " / " + created.nameEn()
                + ", sort order " + created.sortOrder());
        post(CATEGORY_CREATED, caller, p);
        return created;
    }

    @Override
    public Category rename(Caller caller, String path, String nameZh, String nameEn, Integer sortOrder, Long expectedVersion) {
        caller.require(CatalogService.PRODUCT_EDIT);
        Map<String, Object> errors = new LinkedHashMap<>();
        names(errors, nameZh, nameEn);
        sortOrder(errors, sortOrder);
        if (!errors.isEmpty()) {
            throw new ValidationException("the category is not valid: " + describe(errors), errors);
        }
        LocalDateTime now = Utc.of(clock.now());
        Category[] before = new Category[1];
        Category after = inTransaction(em -> {
            Category c = path == null ? null : CategoryTable.find(em, path);
            if (c == null) {
                throw new NotFoundException("category", String.valueOf(path));
            }
            before[0] = c;
            if (expectedVersion != null && expectedVersion != c.version()) {
                throw conflict(c);
            }
            int order = sortOrder != null ? sortOrder : c.sortOrder();
            int rows = em.createNativeQuery("UPDATE CAT_CATEGORY SET NAME_ZH = ?1, NAME_EN = ?2, SORT_ORDER = ?3, UPDATED_BY = ?4,"
                            + " UPDATED_AT = ?5, VERSION = VERSION + 1 WHERE PATH = ?6 AND VERSION = ?7")
                    .setParameter(1, nameZh.trim()).setParameter(2, nameEn.trim()).setParameter(3, order)
                    .setParameter(4, caller.username()).setParameter(5, Timestamp.valueOf(now)).setParameter(6, path)
                    .setParameter(7, c.version()).executeUpdate();
            if (rows == 0) {
                throw conflict(CategoryTable.find(em, path));
            }
            return CategoryTable.find(em, path);
        });
        audit.record(caller, "catalog.category.renamed", subject(path), before[0].nameZh() + " / " + before[0].nameEn() + " → "
                + after.nameZh() + " / " + after.nameEn() + ", sort order " + before[0].sortOrder() + " → " + after.sortOrder()
                + ", version " + after.version());
        post(CATEGORY_CHANGED, caller, path);
        return after;
    }

    private WubuException conflict(Category c) {
        String when = c.updatedAt().atZone(clock.zone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changedBy", c.updatedBy());
        details.put("changedAt", c.updatedAt().atZone(clock.zone()).toOffsetDateTime().toString());
        details.put("currentVersion", c.version());
        details.put("messageZh", "分类 " + c.path() + " 已被 " + c.updatedBy() + " 于 " + when + " 修改，请重新加载");
        return new WubuException(CatalogService.CONFLICT, "category " + c.path() + " was changed by " + c.updatedBy() + " at " + when
                + ", reload", details);
    }

    private static void names(Map<String, Object> errors, String nameZh, String nameEn) {
        name(errors, "nameZh", nameZh);
        name(errors, "nameEn", nameEn);
    }

    private static void name(Map<String, Object> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.put(field, "missing");
        } else if (value.trim().length() > MAX_NAME) {
            errors.put(field, "longer than " + MAX_NAME + " characters");
        }
    }

    private static void sortOrder(Map<String, Object> errors, Integer sortOrder) {
        if (sortOrder != null && (sortOrder < 0 || sortOrder > 1_000_000)) {
            errors.put("sortOrder", "must be between 0 and 1000000 (got " + sortOrder + ")");
        }
    }

    private static String describe(Map<String, Object> errors) {
        return errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    static String subject(String path) {
        return "category:" + path;
    }

    private void post(String topic, Caller caller, String path) {
        EventAdmin ea = eventAdmin;
        if (ea == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(Topics.ACTOR, caller.username());
        props.put(Topics.SUBJECT, path);
        props.put(Topics.TIME, clock.now().toString());
        props.put(PATH, path);
        ea.postEvent(new Event(topic, props));
    }

    private <T> T inTransaction(CatalogStore.Work<T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.run(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
