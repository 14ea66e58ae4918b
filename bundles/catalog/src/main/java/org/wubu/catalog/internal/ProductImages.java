package org.wubu.catalog.internal;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.wubu.catalog.api.CatalogEvents;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.media.MediaItem;
import org.wubu.platform.api.media.MediaKind;
import org.wubu.platform.api.media.MediaStore;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * The images of products (CAT-7): ids of images in the media store, in display order, with alt
 * texts in both languages. Adding, removing and reordering need {@code catalog.product.edit}; each
 * runs in one transaction that first locks the product row (so that two editors never interleave
 * their orders), is audited and posts {@link #IMAGES_CHANGED}. A listed product keeps at least one
 * image, since it could not have gone live without one.
 */
@Component(service = ProductImages.class)
public class ProductImages {

    /** Event after a product's images changed; properties {@code sku}, {@code images} (how many now). */
    public static final String IMAGES_CHANGED = Topics.topic("catalog", "IMAGES_CHANGED");
    static final int MAX_IMAGES = 20;
    static final int MAX_ALT = 200;
    static final String MISSING_IMAGE = "missing: at least one image";

    private final EntityManagerFactory emf;
    private final ShopClock clock;
    private final AuditService audit;
    private final MediaStore media;
    private final CatalogStore catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    @Activate
    public ProductImages(@Reference(target = "(osgi.unit.name=wubu-catalog)") EntityManagerFactory emf,
                         @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.catalog)") SchemaReady schema,
                         @Reference ShopClock clock, @Reference AuditService audit, @Reference MediaStore media,
                         @Reference CatalogStore catalog) {
        this.emf = emf;
        this.clock = clock;
        this.audit = audit;
        this.media = media;
        this.catalog = catalog;
    }

    /** How many images a product has; the listing check (CAT-7) asks this. */
    static long count(EntityManager em, String sku) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM CAT_PRODUCT_IMAGE WHERE SKU = ?1")
                .setParameter(1, sku).getSingleResult()).longValue();
    }

    MediaStore media() {
        return media;
    }

    public List<ProductImage> list(Caller caller, String sku) {
        caller.require(CatalogService.READ);
        catalog.product(caller, sku);
        EntityManager em = emf.createEntityManager();
        try {
            return rows(em, sku);
        } finally {
            em.close();
        }
    }

    public List<ProductImage> add(Caller caller, String sku, String mediaId, String altZh, String altEn) {
        caller.require(CatalogService.PRODUCT_EDIT);
        Map<String, Object> errors = new LinkedHashMap<>();
        MediaItem item = null;
        if (mediaId == null || mediaId.isBlank()) {
            errors.put("mediaId", "missing: upload the image to /api/media?kind=image first");
        } else {
            item = media.find(mediaId.trim()).orElse(null);
            if (item == null) {
                errors.put("mediaId", "no such media: upload the image to /api/media?kind=image first");
            } else if (item.kind() != MediaKind.IMAGE) {
                errors.put("mediaId", "is a " + item.kind().english() + ", not an image");
            }
        }
        alt(errors, "altZh", altZh);
        alt(errors, "altEn", altEn);
        if (!errors.isEmpty()) {
            throw new ValidationException("the image cannot be added: " + describe(errors), errors);
        }
        String id = item.id();
        LocalDateTime now = Utc.of(clock.now());
        List<ProductImage> after = catalog.inTransaction(em -> {
            lock(em, sku);
            List<ProductImage> current = rows(em, sku);
            if (current.stream().anyMatch(i -> i.mediaId().equals(id))) {
                throw new WubuException("duplicate", "product " + sku + " already has this image", Map.of("mediaId", "already added"));
            }
            if (current.size() >= MAX_IMAGES) {
                throw new ValidationException("a product has at most " + MAX_IMAGES + " images", Map.of("mediaId", "too many images"));
            }
            em.createNativeQuery("INSERT INTO CAT_PRODUCT_IMAGE (SKU, MEDIA_ID, SORT_ORDER, ALT_ZH, ALT_EN, ADDED_BY, ADDED_AT)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, sku).setParameter(2, id).setParameter(3, current.size() + 1)
                    .setParameter(4, text(altZh)).setParameter(5, text(altEn)).setParameter(6, caller.username())
                    .setParameter(7, Timestamp.valueOf(now)).executeUpdate();
            return rows(em, sku);
        });
        audit.record(caller, "catalog.product.image.added", CatalogStore.subject(sku), "media " + id + " (" + item.contentType()
                + ", " + item.size() + " bytes) at position " + after.size() + "; alt '" + text(altZh) + "' / '" + text(altEn) + "'");
        post(caller, sku, after.size());
        return after;
    }

    public List<ProductImage> remove(Caller caller, String sku, String mediaId) {
        caller.require(CatalogService.PRODUCT_EDIT);
        if (mediaId == null || mediaId.isBlank()) {
            throw new ValidationException("mediaId is required", Map.of("mediaId", "missing"));
        }
        String id = mediaId.trim();
        List<ProductImage> after = catalog.inTransaction(em -> {
            String status = lock(em, sku);
            List<ProductImage> current = rows(em, sku);
            if (current.stream().noneMatch(i -> i.mediaId().equals(id))) {
                throw new NotFoundException("image of product " + sku, id);
            }
            if (current.size() == 1 && ProductStatus.LISTED.name().equals(status)) {
                throw new WubuException(CatalogService.WRONG_STATUS, "product " + sku + " is listed and keeps at least one image:"
                        + " add another image first, or delist it", Map.of("mediaId", "the last image of a listed product"));
            }
            em.createNativeQuery("DELETE FROM CAT_PRODUCT_IMAGE WHERE SKU = ?1 AND MEDIA_ID = ?2")
                    .setParameter(1, sku).setParameter(2, id).executeUpdate();
            renumber(em, sku, current.stream().map(ProductImage::mediaId).filter(m -> !m.equals(id)).collect(Collectors.toList()));
            return rows(em, sku);
        });
        audit.record(caller, "catalog.product.image.removed", CatalogStore.subject(sku), "media " + id + "; " + after.size()
                + " image(s) left");
        post(caller, sku, after.size());
        return after;
    }

    /** Puts the images in the given order; the list must name each of the product's images once. */
    public List<ProductImage> reorder(Caller caller, String sku, List<String> order) {
        caller.require(CatalogService.PRODUCT_EDIT);
        if (order == null || order.isEmpty()) {
            throw new ValidationException("order is required: the media ids in the wanted order", Map.of("order", "missing"));
        }
        List<ProductImage> after = catalog.inTransaction(em -> {
            lock(em, sku);
            Set<String> current = rows(em, sku).stream().map(ProductImage::mediaId).collect(Collectors.toSet());
            List<String> wanted = order.stream().map(s -> s == null ? "" : s.trim()).collect(Collectors.toList());
            if (!current.equals(new HashSet<>(wanted)) || wanted.size() != current.size()) {
                throw new ValidationException("order must name each of the product's " + current.size() + " images once",
                        Map.of("order", "not the product's images"));
            }
            renumber(em, sku, wanted);
            return rows(em, sku);
        });
        audit.record(caller, "catalog.product.image.reordered", CatalogStore.subject(sku), "order "
                + after.stream().map(i -> i.mediaId().substring(0, 12)).collect(Collectors.joining(", ")));
        post(caller, sku, after.size());
        return after;
    }

    /** Locks the product row for this transaction and answers its status; a missing product is a 404. */
    private static String lock(EntityManager em, String sku) {
        int rows = em.createNativeQuery("UPDATE CAT_PRODUCT SET VERSION = VERSION WHERE SKU = ?1").setParameter(1, sku)
                .executeUpdate();
        if (rows == 0) {
            throw new NotFoundException("product", sku);
        }
        return (String) em.createNativeQuery("SELECT STATUS FROM CAT_PRODUCT WHERE SKU = ?1").setParameter(1, sku).getSingleResult();
    }

    private static void renumber(EntityManager em, String sku, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            em.createNativeQuery("UPDATE CAT_PRODUCT_IMAGE SET SORT_ORDER = ?1 WHERE SKU = ?2 AND MEDIA_ID = ?3")
                    .setParameter(1, i + 1).setParameter(2, sku).setParameter(3, ids.get(i)).executeUpdate();
        }
    }

    private static List<ProductImage> rows(EntityManager em, String sku) {
        List<?> rows = em.createNativeQuery("SELECT MEDIA_ID, SORT_ORDER, ALT_ZH, ALT_EN, ADDED_BY, ADDED_AT FROM CAT_PRODUCT_IMAGE"
                + " WHERE SKU = ?1 ORDER BY SORT_ORDER, ADDED_AT").setParameter(1, sku).getResultList();
        List<ProductImage> out = new ArrayList<>();
        for (Object r : rows) {
            Object[] c = (Object[]) r;
            LocalDateTime at = c[5] instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) c[5];
            out.add(new ProductImage(((String) c[0]).trim(), ((Number) c[1]).intValue(), (String) c[2], (String) c[3],
                    (String) c[4], Utc.of(at)));
        }
        return out;
    }

    private static void alt(Map<String, Object> errors, String field, String value) {
        if (value != null && value.trim().length() > MAX_ALT) {
            errors.put(field, "longer than " + MAX_ALT + " characters");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    private static String describe(Map<String, Object> errors) {
        return errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private void post(Caller caller, String sku, int images) {
        EventAdmin ea = eventAdmin;
        if (ea == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(Topics.ACTOR, caller.username());
        props.put(Topics.SUBJECT, sku);
        props.put(Topics.TIME, clock.now().toString());
        props.put(CatalogEvents.SKU, sku);
        props.put("images", images);
        ea.postEvent(new Event(IMAGES_CHANGED, props));
    }
}
