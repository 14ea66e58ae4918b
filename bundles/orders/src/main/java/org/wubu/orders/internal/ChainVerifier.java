package org.wubu.orders.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.orders.api.ChainReport;
import org.wubu.orders.api.OrderLifecycle;
import org.wubu.orders.api.OrderLine;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.OrderStatus;
import org.wubu.orders.api.OrderVerifier;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.chain.HashChain;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * Walks the orders' hash chains in two streaming passes, so that memory stays flat however many
 * orders there are. Pass 1, the global chain in id order: ids 1..n without gaps, each record linked to
 * the one before, each hash matching the record's content. Pass 2, order by order (records merged
 * with the order headers, lines and the derived status, all read in order-id order): sequences 1..n
 * starting with CREATED, each linked to the order's previous record, the header and lines equal to
 * the CREATED record's payload, and the derived status equal to the fold of the records.
 *
 * <p>It checks what existed when it started (the head and the highest order id are read first), so
 * orders placed meanwhile do not look broken.
 */
@Component(service = OrderVerifier.class)
public class ChainVerifier implements OrderVerifier {

    private final DataSource dataSource;
    private final AuditService audit;

    @Activate
    public ChainVerifier(@Reference(target = "(osgi.jndi.service.name=wubu)") DataSource dataSource,
                         @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.orders)") SchemaReady schema,
                         @Reference AuditService audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    @Override
    public ChainReport verify(Caller caller) {
        caller.require(OrderService.VERIFY);
        ChainReport report;
        try (Connection c = dataSource.getConnection()) {
            report = verify(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the order records could not be read: " + e.getMessage(), e);
        }
        audit.record(caller, "orders.verify", "orders", report.summary());
        return report;
    }

    ChainReport verify(Connection c) throws SQLException {
        long maxOrder = single(c, "SELECT MAX(ID) FROM ORD_ORDER");
        long maxRecord = single(c, "SELECT MAX(ID) FROM ORD_RECORD");
        ChainReport global = globalChain(c, maxRecord);
        if (global != null) {
            return global;
        }
        return orders(c, maxOrder, maxRecord);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Pass 1: null when the global chain is intact up to {@code maxRecord}. */
    private static ChainReport globalChain(Connection c, long maxRecord) throws SQLException {
        long expected = 1;
        String previous = HashChain.GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + OrderTables.RECORD_COLUMNS
                + " FROM ORD_RECORD WHERE ID <= ? ORDER BY ID")) {
            ps.setLong(1, maxRecord);
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OrderRecord r = OrderTables.record(rs);
                    String problem = null;
                    if (r.id() != expected) {
                        problem = "expected record " + expected + " next in the global chain, found " + r.id()
                                + " (records were removed)";
                    } else if (!r.previousGlobalHash().equals(previous)) {
                        problem = "its link to the previous record of the global chain does not match (the chain was cut or reordered)";
                    } else if (!RecordChain.hash(r).equals(r.hash())) {
                        problem = "its content does not match its hash (the record was altered: kind, payload, actor, time or links)";
                    }
                    if (problem != null) {
                        return ChainReport.broken(expected - 1, 0, r.id(), r.orderId(), r.sequence(), problem);
                    }
                    previous = r.hash();
                    expected++;
                }
            }
        }
        if (expected - 1 != maxRecord) {
            return ChainReport.broken(expected - 1, 0, maxRecord, null, null, "the newest record " + maxRecord
                    + " is not reached from record 1 (records were removed)");
        }
        return null;
    }

    /** Pass 2: every order's own chain, header, lines and derived status. */
    private ChainReport orders(Connection c, long maxOrder, long maxRecord) throws SQLException {
        long records = 0;
        long orders = 0;
        try (PreparedStatement rp = c.prepareStatement("SELECT " + OrderTables.RECORD_COLUMNS
                     + " FROM ORD_RECORD WHERE ID <= ? ORDER BY ORDER_ID, SEQ");
             PreparedStatement op = c.prepareStatement("SELECT " + OrderTables.ORDER_COLUMNS
                     + " FROM ORD_ORDER WHERE ID <= ? ORDER BY ID");
             PreparedStatement lp = c.prepareStatement("SELECT " + OrderTables.LINE_COLUMNS
                     + " FROM ORD_LINE WHERE ORDER_ID <= ? ORDER BY ORDER_ID, LINE_NO");
             PreparedStatement sp = c.prepareStatement("SELECT ORDER_ID, STATE, LAST_SEQ, LAST_RECORD_ID FROM ORD_STATUS"
                     + " WHERE ORDER_ID <= ? ORDER BY ORDER_ID")) {
            rp.setLong(1, maxRecord);
            op.setLong(1, maxOrder);
            lp.setLong(1, maxOrder);
            sp.setLong(1, maxOrder);
            for (PreparedStatement ps : List.of(rp, op, lp, sp)) {
                ps.setFetchSize(500);
            }
            try (Cursor recs = new Cursor(rp.executeQuery()); Cursor heads = new Cursor(op.executeQuery());
                 Cursor lines = new Cursor(lp.executeQuery()); Cursor states = new Cursor(sp.executeQuery())) {
                List<OrderRecord> group = new ArrayList<>();
                while (recs.ok) {
                    group.clear();
                    long orderId = recs.rs.getLong("ORDER_ID");
                    while (recs.ok && recs.rs.getLong("ORDER_ID") == orderId) {
                        group.add(OrderTables.record(recs.rs));
                        recs.next();
                    }
                    // Headers before this order that no record refers to.
                    while (heads.ok && heads.rs.getLong("ID") < orderId) {
                        ChainReport missing = orderWithoutRecords(c, heads.rs.getLong("ID"), maxRecord, records, orders);
                        if (missing != null) {
                            return missing;
                        }
                        heads.next();
                    }
                    OrderRecord first = group.get(0);
                    if (!heads.ok || heads.rs.getLong("ID") != orderId) {
                        return ChainReport.broken(records, orders, first.id(), orderId, first.sequence(),
                                "the order's header is missing from ORD_ORDER (it was removed)");
                    }
                    Currency currency = Currency.getInstance(heads.rs.getString("CURRENCY").trim());
                    while (lines.ok && lines.rs.getLong("ORDER_ID") < orderId) {
                        lines.next();
                    }
                    List<OrderLine> orderLines = new ArrayList<>();
                    while (lines.ok && lines.rs.getLong("ORDER_ID") == orderId) {
                        orderLines.add(OrderTables.line(lines.rs, currency));
                        lines.next();
                    }
                    StoredOrder header = OrderTables.header(heads.rs, orderLines);
                    heads.next();
                    ChainReport broken = order(group, header, records, orders);
                    if (broken != null) {
                        return broken;
                    }
                    while (states.ok && states.rs.getLong("ORDER_ID") < orderId) {
                        states.next();
                    }
                    if (states.ok && states.rs.getLong("ORDER_ID") == orderId && states.rs.getLong("LAST_RECORD_ID") > maxRecord
                            && !exists(c, states.rs.getLong("LAST_RECORD_ID"))) {
                        // The newest records are not chained to by anything; the derived status still remembers them.
                        OrderRecord last = group.get(group.size() - 1);
                        return ChainReport.broken(records, orders, states.rs.getLong("LAST_RECORD_ID"), orderId,
                                states.rs.getInt("LAST_SEQ"), "the order's newest record " + states.rs.getLong("LAST_RECORD_ID")
                                        + " (sequence " + states.rs.getInt("LAST_SEQ") + ") is gone; its records end at sequence "
                                        + last.sequence() + " (records were removed)");
                    }
                    if (states.ok && states.rs.getLong("ORDER_ID") == orderId && states.rs.getLong("LAST_RECORD_ID") <= maxRecord) {
                        OrderStatus folded = OrderLifecycle.fold(group);
                        String state = states.rs.getString("STATE").trim();
                        int lastSeq = states.rs.getInt("LAST_SEQ");
                        if (!state.equals(folded.state().name()) || lastSeq != folded.records()) {
                            OrderRecord last = group.get(group.size() - 1);
                            return ChainReport.broken(records, orders, last.id(), orderId, last.sequence(), "the derived status"
                                    + " (ORD_STATUS) says " + state + " after record " + lastSeq + ", the records say "
                                    + folded.state() + " after record " + folded.records());
                        }
                    }
                    records += group.size();
                    orders++;
                }
                while (heads.ok) {
                    ChainReport missing = orderWithoutRecords(c, heads.rs.getLong("ID"), maxRecord, records, orders);
                    if (missing != null) {
                        return missing;
                    }
                    heads.next();
                }
            }
        }
        return ChainReport.intact(records, orders);
    }

    private static boolean exists(Connection c, long recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ORD_RECORD WHERE ID = ?")) {
            ps.setLong(1, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** An order's header without records: broken, unless its records were committed after the walk began. */
    private static ChainReport orderWithoutRecords(Connection c, long orderId, long maxRecord, long records, long orders)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(ID) FROM ORD_RECORD WHERE ORDER_ID = ?")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long first = rs.getLong(1);
                if (!rs.wasNull() && first > maxRecord) {
                    return null; // placed while we were walking
                }
            }
        }
        return ChainReport.broken(records, orders, null, orderId, 1, "order " + orderId
                + " has no CREATED record (its records were removed)");
    }

    /** One order's chain and its header against the CREATED payload; null when intact. */
    private static ChainReport order(List<OrderRecord> group, StoredOrder header, long records, long orders) {
        String previous = HashChain.GENESIS;
        int expected = 1;
        for (OrderRecord r : group) {
            String problem = null;
            if (r.sequence() != expected) {
                problem = "expected sequence " + expected + " next in order " + r.orderId() + ", found " + r.sequence()
                        + " (records were removed)";
            } else if (expected == 1 && r.kind() != RecordKind.CREATED) {
                problem = "the order's first record is " + r.kind() + ", not CREATED";
            } else if (expected > 1 && r.kind() == RecordKind.CREATED) {
                problem = "a second CREATED record";
            } else if (!r.previousOrderHash().equals(previous)) {
                problem = "its link to the order's previous record does not match (the order's chain was cut or reordered)";
            }
            if (problem != null) {
                return ChainReport.broken(records, orders, r.id(), r.orderId(), r.sequence(), problem);
            }
            previous = r.hash();
            expected++;
        }
        OrderRecord created = group.get(0);
        String fromTables = header.createdPayload();
        if (!fromTables.equals(created.payload())) {
            return ChainReport.broken(records, orders, created.id(), created.orderId(), 1, "the order's header or lines differ"
                    + " from its CREATED record: " + difference(CanonicalJson.read(created.payload()), CanonicalJson.read(fromTables))
                    + " (ORD_ORDER or ORD_LINE was changed)");
        }
        return null;
    }

    /** The first field that differs, e.g. "address: 'A' in the record, 'B' in the table". */
    static String difference(Map<String, Object> recorded, Map<String, Object> stored) {
        for (String k : new java.util.TreeSet<>(recorded.keySet())) {
            Object a = recorded.get(k);
            Object b = stored.get(k);
            if (Objects.equals(a, b)) {
                continue;
            }
            if (k.equals("lines") && a instanceof List<?> la && b instanceof List<?> lb) {
                for (int i = 0; i < Math.max(la.size(), lb.size()); i++) {
                    Object x = i < la.size() ? la.get(i) : null;
                    Object y = i < lb.size() ? lb.get(i) : null;
                    if (!Objects.equals(x, y)) {
                        return "line " + (i + 1) + ": " + x + " in the record, " + y + " in ORD_LINE";
                    }
                }
            }
            return k + ": '" + a + "' in the record, '" + b + "' in the table";
        }
        return "the texts differ";
    }

    /** A result set and whether it stands on a row. */
    private static final class Cursor implements AutoCloseable {
        final ResultSet rs;
        boolean ok;

        Cursor(ResultSet rs) throws SQLException {
            this.rs = rs;
            this.ok = rs.next();
        }

        void next() throws SQLException {
            ok = rs.next();
        }

        @Override
        public void close() throws SQLException {
            rs.close();
        }
    }
}
