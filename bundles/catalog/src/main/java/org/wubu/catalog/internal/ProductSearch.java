package org.wubu.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.Query;
import javax.persistence.TypedQuery;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductPage;
import org.wubu.catalog.api.ProductQuery;

/**
 * The text search of the product list on the term index CAT_PRODUCT_TERM (see {@link SearchTerms}).
 *
 * <p>Why it stays fast as the catalog grows: the index is read by its primary key (TERM, SKU), which hands
 * out one term's SKUs already in SKU order, so the keyset page ({@code SKU > after}) is a range read of SKUs
 * alone. The lists of all the query's terms (the category is one) are intersected on those reads
 * ({@link TermIntersection}), and only the common SKUs' products are loaded, to check what the terms cannot
 * prove. Each entry also carries its product's status (kept in step by {@link #restatus}), so with a status
 * filter only that status's entries are read (index (TERM, STATUS, SKU), also in SKU order per term): the
 * lists are shorter and no product is loaded only to be dropped for its status. The work per page depends
 * on the page size and on how rare the combination is among its terms' entries, not on the number of
 * products. A scan budget ({@link #MAX_SCAN}) bounds even a rare combination or a filter that drops nearly
 * everything: the page then ends early and {@code nextAfter} says where to continue.
 */
final class ProductSearch {

    /** Most index entries one page reads (all its terms' lists together; the last read may pass it). */
    static final int MAX_SCAN = 5000;
    /** A term entry of a product, with the product's status read from its row (the CAST types the parameter for Derby). */
    static final String INSERT = "INSERT INTO CAT_PRODUCT_TERM (TERM, SKU, STATUS)"
            + " SELECT CAST(? AS VARCHAR(210)), SKU, STATUS FROM CAT_PRODUCT WHERE SKU = ?";

    private ProductSearch() {
    }

    /** Replaces the product's terms (in the caller's transaction, after the product row exists). */
    static void index(EntityManager em, String sku, String titleZh, String titleEn, String category) {
        em.createNativeQuery("DELETE FROM CAT_PRODUCT_TERM WHERE SKU = ?1").setParameter(1, sku).executeUpdate();
        insert(em, sku, SearchTerms.of(sku, titleZh, titleEn, category));
    }

    /**
     * Inserts the terms of a product in one JDBC batch on the transaction's connection (a product has dozens
     * of terms; one statement each through JPA costs far more), or row by row where no connection is at hand.
     * Each entry copies the product's status from its row (which must exist, flushed), so an entry can never
     * be written with another status than the product's.
     */
    static void insert(EntityManager em, String sku, Collection<String> terms) {
        Connection c = Sql.connection(em);
        if (c != null) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (String term : terms) {
                    ps.setString(1, term);
                    ps.setString(2, sku);
                    ps.addBatch();
                }
                ps.executeBatch();
                return;
            } catch (SQLException e) {
                throw new PersistenceException("cannot index the search terms of " + sku + ": " + e.getMessage(), e);
            }
        }
        for (String term : terms) {
            em.createNativeQuery("INSERT INTO CAT_PRODUCT_TERM (TERM, SKU, STATUS)"
                    + " SELECT CAST(?1 AS VARCHAR(210)), SKU, STATUS FROM CAT_PRODUCT WHERE SKU = ?2")
                    .setParameter(1, term).setParameter(2, sku).executeUpdate();
        }
    }

    /**
     * Copies the product's status to its term entries: called in the transaction of every change of
     * CAT_PRODUCT.STATUS, after it (so that a search with a status filter, which reads the entries of that
     * status only, sees the product exactly when the product row has that status).
     */
    static void restatus(EntityManager em, String sku) {
        em.createNativeQuery("UPDATE CAT_PRODUCT_TERM SET STATUS = (SELECT p.STATUS FROM CAT_PRODUCT p WHERE p.SKU = ?1)"
                + " WHERE SKU = ?1").setParameter(1, sku).executeUpdate();
    }

    /**
     * One page of products having every term (text and category) and the query's status, in SKU order.
     *
     * <p>The terms' SKU lists (of the query's status) are intersected first ({@link TermIntersection}: index
     * entries only), then the products of the common SKUs are loaded in chunks of a page and a row to check
     * what the terms cannot prove ({@link SearchTerms.Query#matches}); the load filters by status too, so
     * that an entry whose status were ever out of step could not show a product of another status.
     */
    static ProductPage page(EntityManager em, ProductQuery q, SearchTerms.Query text) {
        return page(em, q, text, MAX_SCAN);
    }

    /** {@link #page(EntityManager, ProductQuery, SearchTerms.Query)} with another scan budget (tests). */
    static ProductPage page(EntityManager em, ProductQuery q, SearchTerms.Query text, int budget) {
        // one read-only transaction, so that every read of the page goes through one connection
        boolean own = !em.getTransaction().isActive();
        if (own) {
            em.getTransaction().begin();
        }
        String status = q.status() == null ? null : q.status().name();
        TermReads reads = TermReads.on(em, status);
        try {
            return page(em, q, text, budget, reads != null ? reads : reader(em, status));
        } finally {
            if (reads != null) {
                reads.close();
            }
            if (own && em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        }
    }

    private static ProductPage page(EntityManager em, ProductQuery q, SearchTerms.Query text, int budget, TermCursor.Reader reader) {
        // always the same chunk size, so that the load below has the same shape on every round and the
        // database compiles it once (an IN list of another length is another statement)
        int chunk = q.limit() + 1;
        TermIntersection common = new TermIntersection(reader, ordered(text), q.after() == null ? "" : q.after(),
                2 * chunk, budget);
        List<Product> found = new ArrayList<>();
        List<String> candidates = new ArrayList<>(chunk);
        while (found.size() <= q.limit()) {
            String sku = common.next();
            if (sku != null) {
                candidates.add(sku);
            }
            if (candidates.size() == chunk || (sku == null && !candidates.isEmpty())) {
                for (Product p : load(em, candidates, q, chunk)) {
                    if (text.matches(p.sku(), p.titleZh(), p.titleEn())) {
                        found.add(p);
                    }
                }
                candidates.clear();
            }
            if (sku == null) {
                break;
            }
        }
        if (found.size() > q.limit()) {
            List<Product> items = found.subList(0, q.limit());
            return new ProductPage(items, items.get(items.size() - 1).sku());
        }
        // a short page: the end, or the scan budget ran out and the next page goes on from where all is decided
        return new ProductPage(found, common.exhausted() ? null : common.resolved());
    }

    /** The query's terms, the one likely to have the fewest entries first (its SKUs are the first candidates). */
    static List<String> ordered(SearchTerms.Query text) {
        String driving = text.driving();
        List<String> terms = new ArrayList<>(text.terms().size());
        terms.add(driving);
        text.terms().stream().filter(t -> !t.equals(driving)).forEach(terms::add);
        return terms;
    }

    /**
     * Reads a term's SKUs (of the given status; null: all) by JPA native queries, where the provider hands out
     * no connection (see {@link TermReads}).
     */
    static TermCursor.Reader reader(EntityManager em, String status) {
        return (term, from, inclusive, max) -> {
            Query read = em.createNativeQuery("SELECT SKU FROM CAT_PRODUCT_TERM WHERE TERM = ?1"
                            + (status == null ? "" : " AND STATUS = ?3") + (inclusive ? " AND SKU >= ?2" : " AND SKU > ?2")
                            + " ORDER BY SKU").setParameter(1, term).setParameter(2, from).setMaxResults(max);
            if (status != null) {
                read.setParameter(3, status);
            }
            @SuppressWarnings("unchecked")
            List<String> skus = read.getResultList();
            return skus;
        };
    }

    /** The list padded to the given size with its last element (repeats in an IN list change nothing). */
    static List<String> padded(List<String> skus, int size) {
        List<String> out = new ArrayList<>(skus);
        while (out.size() < size) {
            out.add(skus.get(skus.size() - 1));
        }
        return out;
    }

    /** The candidates' products that pass the status filter, in SKU order (at most {@code chunk} candidates). */
    private static List<Product> load(EntityManager em, List<String> skus, ProductQuery q, int chunk) {
        StringBuilder jpql = new StringBuilder("SELECT p FROM ProductEntity p WHERE p.sku IN :skus");
        if (q.status() != null) {
            jpql.append(" AND p.status = :status");
        }
        TypedQuery<ProductEntity> query = em.createQuery(jpql.toString(), ProductEntity.class)
                .setParameter("skus", padded(skus, chunk));
        if (q.status() != null) {
            query.setParameter("status", q.status().name());
        }
        // In the merge's order (Java's, code points), not the database's: a PostgreSQL created with a language
        // collation sorts '-' and letters otherwise, and the page's last SKU is where the next page goes on.
        return query.getResultList().stream().map(ProductEntity::toProduct).sorted(Comparator.comparing(Product::sku))
                .collect(Collectors.toList());
    }
}
