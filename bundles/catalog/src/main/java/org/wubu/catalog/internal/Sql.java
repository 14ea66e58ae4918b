package org.wubu.catalog.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.Query;
import org.wubu.platform.api.Money;

/** Small helpers for the catalog's native SQL: times in UTC, money columns, IN lists in bounded chunks. */
final class Sql {

    /** Most values one IN list carries. */
    static final int CHUNK = 500;

    private Sql() {
    }

    static Timestamp time(Instant i) {
        return i == null ? null : Timestamp.valueOf(Utc.of(i));
    }

    static Instant instant(Object o) {
        return o == null ? null : Utc.of(((Timestamp) o).toLocalDateTime());
    }

    static Money money(Object amount, Object currency) {
        return amount == null ? null : new Money((BigDecimal) amount, Currency.getInstance(((String) currency).trim()));
    }

    static Long longOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    /** {@code ?from, ?from+1, ...} for an IN list of n values. */
    static String placeholders(int from, int n) {
        return IntStream.range(from, from + n).mapToObj(i -> "?" + i).collect(Collectors.joining(", "));
    }

    /**
     * Runs a query once per chunk of {@code values} and joins the rows. {@code sql} receives the IN list
     * placeholders, which start after the {@code fixed} leading parameters.
     */
    static List<Object[]> rowsIn(EntityManager em, Collection<String> values, Object[] fixed, Function<String, String> sql) {
        List<Object[]> rows = new ArrayList<>();
        List<String> all = new ArrayList<>(values);
        for (int start = 0; start < all.size(); start += CHUNK) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
            Query q = em.createNativeQuery(sql.apply(placeholders(fixed.length + 1, chunk.size())));
            for (int i = 0; i < fixed.length; i++) {
                q.setParameter(i + 1, fixed[i]);
            }
            for (int i = 0; i < chunk.size(); i++) {
                q.setParameter(fixed.length + 1 + i, chunk.get(i));
            }
            for (Object row : q.getResultList()) {
                rows.add(row instanceof Object[] r ? r : new Object[] {row});
            }
        }
        return rows;
    }

    /**
     * The JDBC connection of the entity manager's transaction (pending JPA writes flushed first, so that
     * rows written through it see them), or null when the provider does not hand it out.
     */
    static Connection connection(EntityManager em) {
        em.flush();
        try {
            return em.unwrap(Connection.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * {@link #rowsIn(EntityManager, Collection, Object[], Function)} in plain JDBC on the connection of the entity
     * manager's active transaction: the same rows (column values as the driver gives them), without the unit of
     * work's flush and query set-up per statement, for reads on the order intake path.
     */
    static List<Object[]> rowsInTransaction(EntityManager em, Collection<String> values, Object[] fixed,
                                            Function<String, String> sql) {
        Connection c = connection(em);
        if (c == null) {
            return rowsIn(em, values, fixed, sql);
        }
        List<Object[]> rows = new ArrayList<>();
        List<String> all = new ArrayList<>(values);
        try {
            for (int start = 0; start < all.size(); start += CHUNK) {
                List<String> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
                String in = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(sql.apply(in).replaceAll("\\?\\d+", "?"))) {
                    int p = 1;
                    for (Object f : fixed) {
                        ps.setObject(p++, f);
                    }
                    for (String v : chunk) {
                        ps.setString(p++, v);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            Object[] row = new Object[n];
                            for (int i = 0; i < n; i++) {
                                row[i] = rs.getObject(i + 1);
                            }
                            rows.add(row);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
        return rows;
    }
}
