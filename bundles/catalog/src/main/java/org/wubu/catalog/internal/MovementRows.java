package org.wubu.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.wubu.catalog.api.StockMovement;
import org.wubu.catalog.api.StockMovementKind;

/**
 * The rows of stock movements in plain JDBC on the connection of the entity manager's transaction: the
 * guarded stock UPDATE, the stock after it, the ledger entry and the reference's open reservations. Every order's
 * intake writes these for each line, and through JPA each native statement first flushed the unit of work and
 * the ledger entry was a managed entity: half of a reservation's time went to EclipseLink, none to the rows.
 * The statements are the same as before; what EclipseLink still writes in the transaction (a revision when a
 * product is delisted) shares the connection, so it all commits or rolls back together.
 */
final class MovementRows {

    private final Connection c;

    private MovementRows(Connection c) {
        this.c = c;
    }

    /** The rows of the entity manager's active transaction (the transaction must have begun). */
    static MovementRows of(EntityManager em) {
        Connection c = Sql.connection(em);
        if (c == null) {
            throw new IllegalStateException("the stock movement needs an active transaction");
        }
        return new MovementRows(c);
    }

    /** The guarded UPDATE: false when the product is missing or the stock or the reserved units would go below 0. */
    boolean change(String sku, long change, long reservedChange) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CAT_PRODUCT SET STOCK = STOCK + ?, RESERVED = RESERVED + ?"
                + " WHERE SKU = ? AND STOCK + ? >= 0 AND RESERVED + ? >= 0")) {
            ps.setLong(1, change);
            ps.setLong(2, reservedChange);
            ps.setString(3, sku);
            ps.setLong(4, change);
            ps.setLong(5, reservedChange);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    long stock(String sku) {
        try (PreparedStatement ps = c.prepareStatement("SELECT STOCK FROM CAT_PRODUCT WHERE SKU = ?")) {
            ps.setString(1, sku);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("product " + sku + " vanished inside its own transaction");
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The ledger entry, with the id the database gave it. */
    StockMovement ledger(String sku, StockMovementKind kind, long quantity, long change, long after, String actor, String why,
                         LocalDateTime at) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAT_STOCK_MOVEMENT (SKU, KIND, QUANTITY, CHANGE_QTY,"
                + " STOCK_AFTER, ACTOR, REASON, OCCURRED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, sku);
            ps.setString(2, kind.name());
            ps.setLong(3, quantity);
            ps.setLong(4, change);
            ps.setLong(5, after);
            ps.setString(6, actor);
            ps.setString(7, why);
            ps.setTimestamp(8, Timestamp.valueOf(at));
            ps.executeUpdate();
            // Derby answers the identity column alone, PostgreSQL every column (RETURNING *): ID is the first in both.
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("the database gave the stock movement of " + sku + " no id");
                }
                return new StockMovement(keys.getLong(1), sku, kind, quantity, change, after, actor, why, Utc.of(at));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * What the reference still holds of each product, after the movements of one call ({@code deltas}: SKU to the
     * change of the reserved units, not 0). A reservation adds to the pair and makes it as young as {@code now}; a
     * release or commit takes from it, and the pair goes when nothing is left. Giving back more than a reference
     * holds (allowed while the product has that much reserved in all) empties the pair. One read finds the pairs
     * that exist, so a new order's three lines cost three inserts and no probe each. The caller holds the rows of
     * these products (their guarded UPDATEs came first), so no other transaction can add or change one of these
     * pairs between the read and the writes.
     */
    void holdings(String reference, Map<String, Long> deltas, LocalDateTime now) {
        if (deltas.isEmpty()) {
            return;
        }
        try {
            Set<String> held = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT SKU FROM CAT_OPEN_RESERVATION WHERE REFERENCE = ?")) {
                ps.setString(1, reference);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        held.add(rs.getString(1));
                    }
                }
            }
            holdings(reference, deltas, held, now);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** What several products' changes left: the stock of each, and which of them the reference already holds. */
    record After(Map<String, Long> stock, Set<String> held) {
    }

    /**
     * After the guarded UPDATEs of several products, in one read: each one's stock now and whether the reference holds
     * it already. This transaction holds those product rows, so both stay as read until it ends (see {@link #holdings}).
     */
    After after(String reference, Collection<String> skus) {
        String marks = String.join(", ", Collections.nCopies(skus.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT p.SKU, p.STOCK, r.SKU FROM CAT_PRODUCT p LEFT JOIN CAT_OPEN_RESERVATION r"
                + " ON r.REFERENCE = ? AND r.SKU = p.SKU WHERE p.SKU IN (" + marks + ")")) {
            ps.setString(1, reference);
            int i = 2;
            for (String sku : skus) {
                ps.setString(i++, sku);
            }
            Map<String, Long> stock = new HashMap<>();
            Set<String> held = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stock.put(rs.getString(1), rs.getLong(2));
                    if (rs.getString(3) != null) {
                        held.add(rs.getString(1));
                    }
                }
            }
            for (String sku : skus) {
                if (!stock.containsKey(sku)) {
                    throw new IllegalStateException("product " + sku + " vanished inside its own transaction");
                }
            }
            return new After(stock, held);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** {@link #holdings(String, Map, LocalDateTime)} when the pairs the reference holds are known ({@link #after}). */
    void holdings(String reference, Map<String, Long> deltas, Set<String> held, LocalDateTime now) {
        if (deltas.isEmpty()) {
            return;
        }
        try {
            Timestamp at = Timestamp.valueOf(now);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO CAT_OPEN_RESERVATION (REFERENCE, SKU, QUANTITY, RESERVED_AT)"
                    + " VALUES (?, ?, ?, ?)")) {
                boolean inserts = false;
                for (Map.Entry<String, Long> d : deltas.entrySet()) {
                    String sku = d.getKey();
                    long delta = d.getValue();
                    if (delta > 0 && held.contains(sku)) {
                        update("UPDATE CAT_OPEN_RESERVATION SET QUANTITY = QUANTITY + ?, RESERVED_AT = ? WHERE REFERENCE = ? AND SKU = ?",
                                delta, at, reference, sku);
                    } else if (delta > 0) {
                        insert.setString(1, reference);
                        insert.setString(2, sku);
                        insert.setLong(3, delta);
                        insert.setTimestamp(4, at);
                        insert.addBatch();
                        inserts = true;
                    } else if (delta < 0 && held.contains(sku)
                            && update("UPDATE CAT_OPEN_RESERVATION SET QUANTITY = QUANTITY + ? WHERE REFERENCE = ? AND SKU = ?"
                            + " AND QUANTITY + ? > 0", delta, reference, sku, delta) == 0) {
                        update("DELETE FROM CAT_OPEN_RESERVATION WHERE REFERENCE = ? AND SKU = ?", reference, sku);
                    }
                }
                if (inserts) {
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private int update(String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** As JPA reports a failed statement, so that callers' handling (and the transaction's rollback) is unchanged. */
    private static PersistenceException failed(SQLException e) {
        return new PersistenceException(e.getMessage(), e);
    }
}
