package org.wubu.orders.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wubu.orders.api.Customer;
import org.wubu.orders.api.OrderLine;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderState;
import org.wubu.orders.api.OrderStatus;
import org.wubu.orders.api.OrderSummary;
import org.wubu.orders.api.Payment;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Money;

/**
 * The SQL of the orders tables, and nothing else: INSERTs and SELECTs. There is no UPDATE or DELETE
 * of order data here or anywhere (ORD-5); the one UPDATE is of ORD_STATUS, the derived projection.
 * Every method works on the caller's connection, inside the caller's transaction.
 */
final class OrderTables {

    /** SQLState of a unique or primary key violation (Derby and PostgreSQL). */
    static final String DUPLICATE_KEY = "23505";

    static final String RECORD_COLUMNS = "ID, ORDER_ID, SEQ, KIND, PAYLOAD, ACTOR, OCCURRED_AT, CORRECTS, PREV_ORDER_HASH,"
            + " PREV_GLOBAL_HASH, HASH";
    static final String ORDER_COLUMNS = "ID, CREATED_AT, CREATED_BY, SOURCE, CUSTOMER_NAME, CUSTOMER_PHONE, ADDRESS,"
            + " PAYMENT_METHOD, PAYMENT_AMOUNT, PAYMENT_REF, CURRENCY, TOTAL, LINE_COUNT, NOTE";
    static final String LINE_COLUMNS = "ORDER_ID, LINE_NO, SKU, TITLE_ZH, TITLE_EN, QUANTITY, UNIT_PRICE, LINE_TOTAL";

    /** An idempotency key's claim: the fingerprint of the order it placed, and that order. */
    record Claim(String fingerprint, long orderId) {
    }

    /** The newest record of the global chain. */
    record Head(long id, String hash) {
    }

    /** Derby: the sequence's cache is being refilled by another transaction. */
    static final String SEQUENCE_CONTENTION = "X0Y84";

    private final Object sequenceLock = new Object();
    private volatile String nextIdSql;

    static boolean isDuplicateKey(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (DUPLICATE_KEY.equals(x.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException s && s != e && isDuplicateKey(s);
    }

    /**
     * The next order number from the sequence. Derby refuses a sequence value at once ("too much
     * contention", X0Y84) when another transaction is refilling the sequence's cache; so this node
     * asks one at a time, and a refusal caused by another node is retried briefly.
     */
    long nextOrderId(Connection c) throws SQLException {
        String sql = nextIdSql;
        if (sql == null) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            sql = product.contains("postgres") ? "SELECT nextval('ord_order_id')" : "VALUES NEXT VALUE FOR ORD_ORDER_ID";
            nextIdSql = sql;
        }
        for (int attempt = 1; ; attempt++) {
            synchronized (sequenceLock) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    return rs.getLong(1);
                } catch (SQLException e) {
                    if (!SEQUENCE_CONTENTION.equals(e.getSQLState()) || attempt >= 20) {
                        throw e;
                    }
                }
            }
            try {
                Thread.sleep(5L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for an order number", e);
            }
        }
    }

    // ------------------------------------------------------------------ idempotency

    void insertClaim(Connection c, String actor, String key, String fingerprint, long orderId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ORD_IDEMPOTENCY (ACTOR, IDEM_KEY, BODY_SHA256, ORDER_ID, CREATED_AT) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, actor);
            ps.setString(2, key);
            ps.setString(3, fingerprint);
            ps.setLong(4, orderId);
            Utc.set(ps, 5, at);
            ps.executeUpdate();
        }
    }

    Optional<Claim> claim(Connection c, String actor, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT BODY_SHA256, ORDER_ID FROM ORD_IDEMPOTENCY WHERE ACTOR = ? AND IDEM_KEY = ?")) {
            ps.setString(1, actor);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Claim(rs.getString(1).trim(), rs.getLong(2))) : Optional.empty();
            }
        }
    }

    // ------------------------------------------------------------------ orders

    void insertOrder(Connection c, StoredOrder o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ORD_ORDER (" + ORDER_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, o.id());
            Utc.set(ps, 2, o.createdAt());
            ps.setString(3, o.createdBy());
            ps.setString(4, o.source());
            ps.setString(5, o.customer().name());
            ps.setString(6, o.customer().phone());
            ps.setString(7, o.address());
            ps.setString(8, o.payment().method());
            ps.setBigDecimal(9, o.payment().amount().amount());
            ps.setString(10, o.payment().transactionRef());
            ps.setString(11, o.total().currency().getCurrencyCode());
            ps.setBigDecimal(12, o.total().amount());
            ps.setInt(13, o.lines().size());
            if (o.note() == null) {
                ps.setNull(14, Types.VARCHAR);
            } else {
                ps.setString(14, o.note());
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ORD_LINE (" + LINE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (OrderLine l : o.lines()) {
                ps.setLong(1, o.id());
                ps.setInt(2, l.lineNo());
                ps.setString(3, l.sku());
                ps.setString(4, l.titleZh());
                ps.setString(5, l.titleEn());
                ps.setLong(6, l.quantity());
                ps.setBigDecimal(7, l.unitPrice().amount());
                ps.setBigDecimal(8, l.lineTotal().amount());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    Optional<StoredOrder> order(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ORDER_COLUMNS + " FROM ORD_ORDER WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(header(rs, lines(c, id, Currency.getInstance(rs.getString("CURRENCY").trim()))));
            }
        }
    }

    private List<OrderLine> lines(Connection c, long orderId, Currency currency) throws SQLException {
        List<OrderLine> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + LINE_COLUMNS + " FROM ORD_LINE WHERE ORDER_ID = ? ORDER BY LINE_NO")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(line(rs, currency));
                }
            }
        }
        return out;
    }

    static StoredOrder header(ResultSet rs, List<OrderLine> lines) throws SQLException {
        Currency cur = Currency.getInstance(rs.getString("CURRENCY").trim());
        return new StoredOrder(rs.getLong("ID"), Utc.get(rs, "CREATED_AT"), rs.getString("CREATED_BY"), rs.getString("SOURCE"),
                new Customer(rs.getString("CUSTOMER_NAME"), rs.getString("CUSTOMER_PHONE")), rs.getString("ADDRESS"),
                new Payment(rs.getString("PAYMENT_METHOD"), money(rs.getBigDecimal("PAYMENT_AMOUNT"), cur), rs.getString("PAYMENT_REF")),
                money(rs.getBigDecimal("TOTAL"), cur), rs.getString("NOTE"), lines);
    }

    static OrderLine line(ResultSet rs, Currency cur) throws SQLException {
        return new OrderLine(rs.getInt("LINE_NO"), rs.getString("SKU"), rs.getString("TITLE_ZH"), rs.getString("TITLE_EN"),
                rs.getLong("QUANTITY"), money(rs.getBigDecimal("UNIT_PRICE"), cur), money(rs.getBigDecimal("LINE_TOTAL"), cur));
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    // ------------------------------------------------------------------ records

    void insertRecord(Connection c, OrderRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ORD_RECORD (" + RECORD_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, r.id());
            ps.setLong(2, r.orderId());
            ps.setInt(3, r.sequence());
            ps.setString(4, r.kind().name());
            ps.setString(5, r.payload());
            ps.setString(6, r.actor());
            Utc.set(ps, 7, r.occurredAt());
            if (r.corrects() == null) {
                ps.setNull(8, Types.BIGINT);
            } else {
                ps.setLong(8, r.corrects());
            }
            ps.setString(9, r.previousOrderHash());
            ps.setString(10, r.previousGlobalHash());
            ps.setString(11, r.hash());
            ps.executeUpdate();
        }
    }

    List<OrderRecord> records(Connection c, long orderId) throws SQLException {
        List<OrderRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RECORD_COLUMNS + " FROM ORD_RECORD WHERE ORDER_ID = ? ORDER BY SEQ")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(record(rs));
                }
            }
        }
        return out;
    }

    Optional<OrderRecord> record(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RECORD_COLUMNS + " FROM ORD_RECORD WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    Optional<Head> head(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ID, HASH FROM ORD_RECORD WHERE ID = (SELECT MAX(ID) FROM ORD_RECORD)")) {
            return rs.next() ? Optional.of(new Head(rs.getLong(1), rs.getString(2).trim())) : Optional.empty();
        }
    }

    List<OrderRecord> journal(Connection c, long afterId, Instant from, Instant to, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + RECORD_COLUMNS + " FROM ORD_RECORD WHERE ID > ?");
        if (from != null) {
            sql.append(" AND OCCURRED_AT >= ?");
        }
        if (to != null) {
            sql.append(" AND OCCURRED_AT < ?");
        }
        sql.append(" ORDER BY ID");
        List<OrderRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setLong(i++, afterId);
            if (from != null) {
                Utc.set(ps, i++, from);
            }
            if (to != null) {
                Utc.set(ps, i, to);
            }
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(record(rs));
                }
            }
        }
        return out;
    }

    static OrderRecord record(ResultSet rs) throws SQLException {
        long corrects = rs.getLong("CORRECTS");
        Long c = rs.wasNull() ? null : corrects;
        return new OrderRecord(rs.getLong("ID"), rs.getLong("ORDER_ID"), rs.getInt("SEQ"), RecordKind.valueOf(rs.getString("KIND").trim()),
                rs.getString("PAYLOAD"), rs.getString("ACTOR"), Utc.get(rs, "OCCURRED_AT"), c, rs.getString("PREV_ORDER_HASH").trim(),
                rs.getString("PREV_GLOBAL_HASH").trim(), rs.getString("HASH").trim());
    }

    // ------------------------------------------------------------------ the derived status (ORD_STATUS)

    void insertStatus(Connection c, long orderId, OrderStatus s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ORD_STATUS (STATE, LAST_SEQ, LAST_RECORD_ID, LAST_AT,"
                + " ACCEPTED_AT, OVERDUE, PAYMENT_FLAGS, HAS_NOTES, ORDER_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindStatus(ps, orderId, s);
            ps.executeUpdate();
        }
    }

    /** Moves the projection on; refuses (returns false) when it is not at the record before. */
    boolean updateStatus(Connection c, long orderId, int previousSeq, OrderStatus s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ORD_STATUS SET STATE = ?, LAST_SEQ = ?, LAST_RECORD_ID = ?,"
                + " LAST_AT = ?, ACCEPTED_AT = ?, OVERDUE = ?, PAYMENT_FLAGS = ?, HAS_NOTES = ? WHERE ORDER_ID = ? AND LAST_SEQ = ?")) {
            bindStatus(ps, orderId, s);
            ps.setInt(10, previousSeq);
            return ps.executeUpdate() == 1;
        }
    }

    /** Replaces the projection of an order whatever it says (after it was found out of step with the records). */
    void rebuildStatus(Connection c, long orderId, OrderStatus s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ORD_STATUS SET STATE = ?, LAST_SEQ = ?, LAST_RECORD_ID = ?,"
                + " LAST_AT = ?, ACCEPTED_AT = ?, OVERDUE = ?, PAYMENT_FLAGS = ?, HAS_NOTES = ? WHERE ORDER_ID = ?")) {
            bindStatus(ps, orderId, s);
            if (ps.executeUpdate() == 0) {
                insertStatus(c, orderId, s);
            }
        }
    }

    private static void bindStatus(PreparedStatement ps, long orderId, OrderStatus s) throws SQLException {
        ps.setString(1, s.state().name());
        ps.setInt(2, s.records());
        ps.setLong(3, s.lastRecordId());
        Utc.set(ps, 4, s.lastAt());
        Utc.set(ps, 5, s.acceptedAt());
        ps.setBoolean(6, s.confirmationOverdue());
        ps.setInt(7, s.openPaymentFlags().size());
        ps.setBoolean(8, !s.notes().isEmpty());
        ps.setLong(9, orderId);
    }

    List<OrderSummary> list(Connection c, OrderState state, Long before, int max) throws SQLException {
        String columns = "SELECT o.ID, o.CREATED_AT, o.SOURCE, o.CUSTOMER_NAME, o.TOTAL, o.CURRENCY, o.LINE_COUNT, s.STATE,"
                + " s.ACCEPTED_AT, s.OVERDUE, s.PAYMENT_FLAGS, s.HAS_NOTES, s.LAST_AT";
        // Derby's plan must not depend on its estimate of the table (with 10,000 orders it chose a scan and a sort
        // for the first page, 47 ms, where the descending index reads 50 rows): the hints pin the index walk and the
        // lookup of each row's partner by key. They are comments to any other database.
        String sql = state == null
                ? columns + " FROM ORD_ORDER o --DERBY-PROPERTIES index=ORD_ORDER_ID_DESC_IX\n"
                        + " JOIN ORD_STATUS s --DERBY-PROPERTIES joinStrategy=NESTEDLOOP\n"
                        + " ON s.ORDER_ID = o.ID WHERE o.ID < ? ORDER BY o.ID DESC"
                : columns + " FROM ORD_STATUS s --DERBY-PROPERTIES index=ORD_STATUS_STATE_IX\n"
                        + " JOIN ORD_ORDER o --DERBY-PROPERTIES joinStrategy=NESTEDLOOP\n"
                        + " ON o.ID = s.ORDER_ID WHERE s.STATE = ? AND s.ORDER_ID < ? ORDER BY s.ORDER_ID DESC";
        List<OrderSummary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (state != null) {
                ps.setString(i++, state.name());
            }
            ps.setLong(i, before == null ? Long.MAX_VALUE : before);
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Currency cur = Currency.getInstance(rs.getString("CURRENCY").trim());
                    out.add(new OrderSummary(rs.getLong("ID"), Utc.get(rs, "CREATED_AT"), rs.getString("SOURCE"),
                            rs.getString("CUSTOMER_NAME"), money(rs.getBigDecimal("TOTAL"), cur), rs.getInt("LINE_COUNT"),
                            OrderState.valueOf(rs.getString("STATE").trim()), Utc.get(rs, "ACCEPTED_AT"), rs.getBoolean("OVERDUE"),
                            rs.getInt("PAYMENT_FLAGS") > 0, rs.getBoolean("HAS_NOTES"), Utc.get(rs, "LAST_AT")));
                }
            }
        }
        return out;
    }
}
