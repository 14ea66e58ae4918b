package org.wubu.orders.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Currency;
import java.util.List;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.wubu.platform.api.Money;

/**
 * The workflow's read-only queries on the orders tables, each on an index: the confirmation clock on
 * the status projection (ORD_STATUS_CLOCK_IX), the report on the records' time index, duplicate
 * payment references on the header's reference index. Nothing here writes: every change of an order
 * goes through {@link org.wubu.orders.api.OrderService#append}.
 */
final class WorkflowTables {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /** An accepted order waiting for its confirmation call. */
    record Waiting(long orderId, Instant acceptedAt, boolean overdue, String customerName, String customerPhone, Money total,
                   boolean hasNotes, boolean paymentFlagged) {
    }

    private final DataSource dataSource;

    WorkflowTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Accepted orders not yet marked overdue that were accepted at or before {@code acceptedBy}, oldest first. */
    List<Waiting> dueForOverdue(Instant acceptedBy, int max) {
        return waiting(false, acceptedBy, max);
    }

    /**
     * Accepted orders waiting for confirmation: {@code overdue} ones (marked by the clock) or the
     * others, oldest acceptance first, at most {@code max}; {@code acceptedBy} null for any time.
     */
    List<Waiting> waiting(boolean overdue, Instant acceptedBy, int max) {
        String sql = "SELECT s.ORDER_ID, s.ACCEPTED_AT, s.OVERDUE, s.HAS_NOTES, s.PAYMENT_FLAGS, o.CUSTOMER_NAME, o.CUSTOMER_PHONE,"
                + " o.TOTAL, o.CURRENCY FROM ORD_STATUS s JOIN ORD_ORDER o ON o.ID = s.ORDER_ID"
                + " WHERE s.STATE = 'ACCEPTED' AND s.OVERDUE = ?" + (acceptedBy == null ? "" : " AND s.ACCEPTED_AT <= ?")
                + " ORDER BY s.ACCEPTED_AT, s.ORDER_ID FETCH FIRST " + Math.max(1, max) + " ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBoolean(1, overdue);
            if (acceptedBy != null) {
                ps.setTimestamp(2, Timestamp.from(acceptedBy), Calendar.getInstance(UTC));
            }
            List<Waiting> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Waiting(rs.getLong("ORDER_ID"), time(rs, "ACCEPTED_AT"), rs.getBoolean("OVERDUE"),
                            rs.getString("CUSTOMER_NAME"), rs.getString("CUSTOMER_PHONE"),
                            money(rs.getBigDecimal("TOTAL"), rs.getString("CURRENCY")), rs.getBoolean("HAS_NOTES"),
                            rs.getInt("PAYMENT_FLAGS") > 0));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("the confirmation queue could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Every CONFIRMED record that occurred in {@code [from, to)}: who confirmed and how long after the
     * order's acceptance. At most {@code max} (the report says when it was cut).
     */
    List<ConfirmationStats.Sample> confirmations(Instant from, Instant to, int max) {
        String sql = "SELECT c.ACTOR, c.OCCURRED_AT AS CONFIRMED_AT, a.OCCURRED_AT AS ACCEPTED_AT FROM ORD_RECORD c"
                + " JOIN ORD_RECORD a ON a.ORDER_ID = c.ORDER_ID AND a.KIND = 'ACCEPTED'"
                + " WHERE c.OCCURRED_AT >= ? AND c.OCCURRED_AT < ? AND c.KIND = 'CONFIRMED'"
                + " ORDER BY c.OCCURRED_AT, c.ID FETCH FIRST " + Math.max(1, max) + " ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(from), Calendar.getInstance(UTC));
            ps.setTimestamp(2, Timestamp.from(to), Calendar.getInstance(UTC));
            List<ConfirmationStats.Sample> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Duration d = Duration.between(time(rs, "ACCEPTED_AT"), time(rs, "CONFIRMED_AT"));
                    out.add(new ConfirmationStats.Sample(rs.getString("ACTOR"), d.isNegative() ? Duration.ZERO : d));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("the confirmations could not be read: " + e.getMessage(), e);
        }
    }

    /** Other orders paid with the same transaction reference, oldest first. */
    List<Long> ordersWithTransactionRef(String ref, long orderId, int max) {
        String sql = "SELECT ID FROM ORD_ORDER WHERE PAYMENT_REF = ? AND ID <> ? ORDER BY ID FETCH FIRST " + Math.max(1, max)
                + " ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ref);
            ps.setLong(2, orderId);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("payment references could not be read: " + e.getMessage(), e);
        }
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column, Calendar.getInstance(UTC));
        return ts == null ? null : ts.toInstant();
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, Currency.getInstance(currency.trim()));
    }
}
