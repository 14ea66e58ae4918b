package org.wubu.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * Reads terms' SKU lists from the primary key index (TERM, SKU), which holds them in SKU order, with plain
 * JDBC on the connection of the search's transaction: a page makes several such reads, and each JPA native
 * query outside a transaction takes a connection of its own (an unpooled data source opens one per query),
 * which cost more than the read itself. The two statements are prepared once per page and reused.
 *
 * <p>With a status filter the entries of that status alone are read, from the index (TERM, STATUS, SKU), which
 * holds one term's entries of one status in SKU order as the primary key holds one term's: the lists are
 * shorter by the share of the other statuses, and every common SKU is a product of the wanted status.
 */
final class TermReads implements TermCursor.Reader, AutoCloseable {

    static final String FROM = "SELECT SKU FROM CAT_PRODUCT_TERM WHERE TERM = ? AND SKU >= ? ORDER BY SKU";
    static final String AFTER = "SELECT SKU FROM CAT_PRODUCT_TERM WHERE TERM = ? AND SKU > ? ORDER BY SKU";
    static final String FROM_IN_STATUS = "SELECT SKU FROM CAT_PRODUCT_TERM WHERE TERM = ? AND STATUS = ? AND SKU >= ? ORDER BY SKU";
    static final String AFTER_IN_STATUS = "SELECT SKU FROM CAT_PRODUCT_TERM WHERE TERM = ? AND STATUS = ? AND SKU > ? ORDER BY SKU";

    private final Connection connection;
    /** The status whose entries alone are read, or null for all. */
    private final String status;
    private PreparedStatement from;
    private PreparedStatement after;

    private TermReads(Connection connection, String status) {
        this.connection = connection;
        this.status = status;
    }

    /**
     * Reads the entries of the given status (null: all) on the connection of the entity manager's active
     * transaction, or null when it hands none out.
     */
    static TermReads on(EntityManager em, String status) {
        Connection c;
        try {
            c = em.unwrap(Connection.class);
        } catch (RuntimeException e) {
            c = null;
        }
        return c == null ? null : new TermReads(c, status);
    }

    @Override
    public List<String> read(String term, String start, boolean inclusive, int max) {
        try {
            PreparedStatement ps = inclusive ? (from = prepared(from, status == null ? FROM : FROM_IN_STATUS))
                    : (after = prepared(after, status == null ? AFTER : AFTER_IN_STATUS));
            int i = 1;
            ps.setString(i++, term);
            if (status != null) {
                ps.setString(i++, status);
            }
            ps.setString(i, start);
            ps.setMaxRows(max);
            List<String> out = new ArrayList<>(Math.min(max, 256));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the search term index for " + term + ": " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepared(PreparedStatement ps, String sql) throws SQLException {
        return ps != null ? ps : connection.prepareStatement(sql);
    }

    /** Closes the statements (the connection belongs to the transaction). */
    @Override
    public void close() {
        for (PreparedStatement ps : new PreparedStatement[] {from, after}) {
            if (ps != null) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    // nothing was written through them; the transaction's end releases what is left
                }
            }
        }
    }
}
