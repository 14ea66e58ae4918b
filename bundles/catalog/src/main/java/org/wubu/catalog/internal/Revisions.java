package org.wubu.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.wubu.catalog.api.FieldChange;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductAttribute;
import org.wubu.catalog.api.ProductRevision;

/**
 * The edit history of products (CAT-7) in CAT_PRODUCT_REVISION and CAT_PRODUCT_CHANGE: one revision per
 * version of a product, written by the caller's transaction together with the change itself.
 */
final class Revisions {

    /** Longest value kept per field (the column); longer values are cut with an ellipsis. */
    static final int MAX_VALUE = 4000;

    private Revisions() {
    }

    /** Every field of a new product, as changes from nothing. */
    static List<FieldChange> created(Product p) {
        return between(null, p);
    }

    /** The fields that differ between two states of a product (before may be null: a new product). */
    static List<FieldChange> between(Product before, Product after) {
        List<FieldChange> c = new ArrayList<>();
        diff(c, "titleZh", before == null ? null : before.titleZh(), after.titleZh());
        diff(c, "titleEn", before == null ? null : before.titleEn(), after.titleEn());
        diff(c, "descriptionZh", before == null ? null : before.descriptionZh(), after.descriptionZh());
        diff(c, "descriptionEn", before == null ? null : before.descriptionEn(), after.descriptionEn());
        diff(c, "category", before == null ? null : before.category(), after.category());
        diff(c, "price", before == null ? null : price(before), price(after));
        diff(c, "status", before == null ? null : before.status().name(), after.status().name());
        diff(c, "delistReason", before == null ? null : before.delistReason(), after.delistReason());
        Map<String, String> old = attributes(before == null ? List.of() : before.attributes());
        Map<String, String> now = attributes(after.attributes());
        now.forEach((field, value) -> diff(c, field, old.get(field), value));
        old.forEach((field, value) -> {
            if (!now.containsKey(field)) {
                c.add(new FieldChange(field, cut(value), null));
            }
        });
        return c;
    }

    private static String price(Product p) {
        return p.price() == null ? null : p.price().toString();
    }

    private static Map<String, String> attributes(List<ProductAttribute> list) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ProductAttribute a : list) {
            m.put(ProductAttributes.field(a), ProductAttributes.value(a));
        }
        return m;
    }

    private static void diff(List<FieldChange> c, String field, String a, String b) {
        String before = a == null || a.isEmpty() ? null : a;
        String after = b == null || b.isEmpty() ? null : b;
        if (!Objects.equals(before, after)) {
            c.add(new FieldChange(field, cut(before), cut(after)));
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE - 1) + "…";
    }

    /** Text for the audit log: {@code version 2 → 3: titleEn 'a' → 'b'; category 'x' → 'y'}. */
    static String describe(long fromVersion, long toVersion, List<FieldChange> changes) {
        StringBuilder s = new StringBuilder("version " + fromVersion + " → " + toVersion);
        if (changes.isEmpty()) {
            return s.append(", no field changed").toString();
        }
        s.append(": ");
        for (int i = 0; i < changes.size(); i++) {
            FieldChange f = changes.get(i);
            s.append(i == 0 ? "" : "; ").append(f.field()).append(" '").append(shorten(f.oldValue())).append("' → '")
                    .append(shorten(f.newValue())).append('\'');
        }
        return s.toString();
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 199) + "…" : s;
    }

    /** Writes one revision and its field changes (in the caller's transaction). */
    static void write(EntityManager em, String sku, long version, String action, String by, LocalDateTime at,
                      List<FieldChange> changes) {
        em.createNativeQuery("INSERT INTO CAT_PRODUCT_REVISION (SKU, VERSION, ACTION, CHANGED_BY, CHANGED_AT) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, sku).setParameter(2, version).setParameter(3, action).setParameter(4, by)
                .setParameter(5, Timestamp.valueOf(at)).executeUpdate();
        if (changes.isEmpty()) {
            return;
        }
        Connection c = Sql.connection(em);
        if (c == null) {
            for (int i = 0; i < changes.size(); i++) {
                FieldChange f = changes.get(i);
                em.createNativeQuery("INSERT INTO CAT_PRODUCT_CHANGE (SKU, VERSION, POSITION, FIELD, OLD_VALUE, NEW_VALUE)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                        .setParameter(1, sku).setParameter(2, version).setParameter(3, i).setParameter(4, cutField(f.field()))
                        .setParameter(5, f.oldValue()).setParameter(6, f.newValue()).executeUpdate();
            }
            return;
        }
        // one JDBC batch on the transaction's connection: a new product changes a dozen fields at once
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAT_PRODUCT_CHANGE (SKU, VERSION, POSITION, FIELD, OLD_VALUE,"
                + " NEW_VALUE) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < changes.size(); i++) {
                FieldChange f = changes.get(i);
                ps.setString(1, sku);
                ps.setLong(2, version);
                ps.setInt(3, i);
                ps.setString(4, cutField(f.field()));
                ps.setString(5, f.oldValue());
                ps.setString(6, f.newValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("cannot write the history of " + sku + ": " + e.getMessage(), e);
        }
    }

    private static String cutField(String field) {
        return field.length() <= 200 ? field : field.substring(0, 199) + "…";
    }

    /** The product's version now (after a native UPDATE that moved it). */
    static long currentVersion(EntityManager em, String sku) {
        return ((Number) em.createNativeQuery("SELECT VERSION FROM CAT_PRODUCT WHERE SKU = ?1").setParameter(1, sku)
                .getSingleResult()).longValue();
    }

    /** Revisions of a product, newest first, with versions below {@code before} (null: from the newest). */
    static List<ProductRevision> read(EntityManager em, String sku, Long before, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT VERSION, ACTION, CHANGED_BY, CHANGED_AT FROM CAT_PRODUCT_REVISION"
                        + " WHERE SKU = ?1 AND VERSION < ?2 ORDER BY VERSION DESC")
                .setParameter(1, sku).setParameter(2, before == null ? Long.MAX_VALUE : before).setMaxResults(limit).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        long newest = ((Number) rows.get(0)[0]).longValue();
        long oldest = ((Number) rows.get(rows.size() - 1)[0]).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> changeRows = em.createNativeQuery("SELECT VERSION, FIELD, OLD_VALUE, NEW_VALUE FROM CAT_PRODUCT_CHANGE"
                        + " WHERE SKU = ?1 AND VERSION >= ?2 AND VERSION <= ?3 ORDER BY VERSION, POSITION")
                .setParameter(1, sku).setParameter(2, oldest).setParameter(3, newest).getResultList();
        Map<Long, List<FieldChange>> changes = new LinkedHashMap<>();
        for (Object[] r : changeRows) {
            changes.computeIfAbsent(((Number) r[0]).longValue(), v -> new ArrayList<>())
                    .add(new FieldChange((String) r[1], (String) r[2], (String) r[3]));
        }
        List<ProductRevision> out = new ArrayList<>();
        for (Object[] r : rows) {
            long version = ((Number) r[0]).longValue();
            out.add(new ProductRevision(sku, version, (String) r[1], (String) r[2], Utc.of(toLocal(r[3])),
                    changes.getOrDefault(version, List.of())));
        }
        return out;
    }

    private static LocalDateTime toLocal(Object o) {
        if (o instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (o instanceof LocalDateTime l) {
            return l;
        }
        throw new IllegalStateException("unexpected time value " + o);
    }
}
