package org.wubu.catalog.internal;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import org.wubu.catalog.api.Category;
import org.wubu.platform.api.ValidationException;

/**
 * SQL of the category tree (CAT_CATEGORY), shared by {@link CategoryStore} and the product checks of
 * {@link CatalogStore}; every method works in the caller's transaction.
 */
final class CategoryTable {

    private CategoryTable() {
    }

    /** The parent path of a path, or null at the top. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }

    /** The last segment of a path. */
    static String segment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static boolean any(EntityManager em) {
        return !em.createNativeQuery("SELECT PATH FROM CAT_CATEGORY").setMaxResults(1).getResultList().isEmpty();
    }

    static boolean exists(EntityManager em, String path) {
        return !em.createNativeQuery("SELECT PATH FROM CAT_CATEGORY WHERE PATH = ?1").setParameter(1, path).getResultList().isEmpty();
    }

    /**
     * Refuses a product's category that is not in the tree, once the tree has any category (before that,
     * a shop without categories files products under any path).
     */
    static void requireKnown(EntityManager em, String path) {
        if (!exists(em, path) && any(em)) {
            throw new ValidationException("category '" + path + "' does not exist: pick one of the category tree or create it first"
                    + " (分类 '" + path + "' 不存在)", Map.of("category", "unknown: " + path));
        }
    }

    static void insert(EntityManager em, String path, String nameZh, String nameEn, int sortOrder, String by, LocalDateTime at) {
        Timestamp ts = Timestamp.valueOf(at);
        em.createNativeQuery("INSERT INTO CAT_CATEGORY (PATH, PARENT_PATH, NAME_ZH, NAME_EN, SORT_ORDER, CREATED_BY, CREATED_AT,"
                        + " UPDATED_BY, UPDATED_AT, VERSION) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)")
                .setParameter(1, path).setParameter(2, parent(path)).setParameter(3, nameZh).setParameter(4, nameEn)
                .setParameter(5, sortOrder).setParameter(6, by).setParameter(7, ts).setParameter(8, by).setParameter(9, ts)
                .executeUpdate();
    }

    /** The sort order after the last sibling: new categories go to the end of their level. */
    static int nextSortOrder(EntityManager em, String parent) {
        Object max = parent == null
                ? em.createNativeQuery("SELECT MAX(SORT_ORDER) FROM CAT_CATEGORY WHERE PARENT_PATH IS NULL").getSingleResult()
                : em.createNativeQuery("SELECT MAX(SORT_ORDER) FROM CAT_CATEGORY WHERE PARENT_PATH = ?1").setParameter(1, parent)
                .getSingleResult();
        return max == null ? 10 : ((Number) max).intValue() + 10;
    }

    /**
     * Creates every category products are filed under that the tree lacks, with its parents, named after
     * their path segment (to be renamed by staff): the tree then covers every existing product.
     *
     * @return the paths created
     */
    static List<String> coverProducts(EntityManager em, String by, LocalDateTime at) {
        @SuppressWarnings("unchecked")
        List<String> used = em.createNativeQuery("SELECT DISTINCT CATEGORY FROM CAT_PRODUCT").getResultList();
        Set<String> missing = new TreeSet<>();
        for (String path : used) {
            for (String p = path; p != null && !p.isBlank(); p = parent(p)) {
                missing.add(p);
            }
        }
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("SELECT PATH FROM CAT_CATEGORY").getResultList();
        missing.removeAll(known);
        List<String> created = new ArrayList<>();
        // TreeSet order puts a parent before its children ("tea" < "tea/green")
        for (String path : missing) {
            insert(em, path, segment(path), segment(path), nextSortOrder(em, parent(path)), by, at);
            created.add(path);
        }
        return created;
    }

    /** Every category with its product counts, parents before children, siblings by sort order then path. */
    static List<Category> tree(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT PATH, PARENT_PATH, NAME_ZH, NAME_EN, SORT_ORDER, VERSION, UPDATED_BY,"
                + " UPDATED_AT FROM CAT_CATEGORY").getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery("SELECT CATEGORY, COUNT(*) FROM CAT_PRODUCT GROUP BY CATEGORY").getResultList();
        Map<String, Long> own = new HashMap<>();
        counts.forEach(r -> own.put((String) r[0], ((Number) r[1]).longValue()));
        Map<String, Long> total = new HashMap<>();
        own.forEach((path, n) -> {
            for (String p = path; p != null; p = parent(p)) {
                total.merge(p, n, Long::sum);
            }
        });
        Map<String, List<Category>> children = new HashMap<>();
        for (Object[] r : rows) {
            String path = (String) r[0];
            Category c = new Category(path, (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                    own.getOrDefault(path, 0L), total.getOrDefault(path, 0L), ((Number) r[5]).longValue(), (String) r[6],
                    Utc.of(((Timestamp) r[7]).toLocalDateTime()));
            children.computeIfAbsent(c.parentPath() == null ? "" : c.parentPath(), k -> new ArrayList<>()).add(c);
        }
        Comparator<Category> order = Comparator.comparingInt(Category::sortOrder).thenComparing(Category::path);
        children.values().forEach(l -> l.sort(order));
        List<Category> out = new ArrayList<>();
        walk(children, "", out);
        return out;
    }

    private static void walk(Map<String, List<Category>> children, String parent, List<Category> out) {
        for (Category c : children.getOrDefault(parent, List.of())) {
            out.add(c);
            walk(children, c.path(), out);
        }
    }

    static Category find(EntityManager em, String path) {
        return tree(em).stream().filter(c -> c.path().equals(path)).findFirst().orElse(null);
    }
}
