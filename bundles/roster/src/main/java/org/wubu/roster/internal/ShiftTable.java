package org.wubu.roster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.wubu.roster.api.DutyRoster;
import org.wubu.roster.api.DutyShift;

/** The SQL of table ROSTER_SHIFT; every read skips removed shifts. */
final class ShiftTable {

    private static final String COLUMNS = "ID, USERNAME, ROLE_NAME, LOCATION, START_MS, END_MS, NOTE, CREATED_BY, CREATED_MS";
    /** Shifts are at most this long, which bounds every range below to one index range. */
    private static final long MAX_MS = DutyRoster.MAX_SHIFT.toMillis();

    DutyShift insert(Connection c, String username, String role, String location, Instant start, Instant end, String note,
                     String createdBy, Instant createdAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ROSTER_SHIFT (USERNAME, ROLE_NAME, LOCATION, START_MS, END_MS,"
                + " NOTE, CREATED_BY, CREATED_MS) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, username);
            ps.setString(2, role);
            ps.setString(3, location);
            ps.setLong(4, start.toEpochMilli());
            ps.setLong(5, end.toEpochMilli());
            ps.setString(6, note);
            ps.setString(7, createdBy);
            ps.setLong(8, createdAt.toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new shift");
                }
                return new DutyShift(keys.getLong(1), username, role, location, start, end, note, createdBy, createdAt);
            }
        }
    }

    /**
     * Locks the table against other assignments until the transaction ends (EXCLUSIVE: on PostgreSQL plain reads go
     * on; on Derby they wait the few milliseconds of an assignment), so that the overlap check and the insert of
     * one assignment never interleave with another's, on this node or on another one sharing the database.
     */
    void lockForAssignment(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE ROSTER_SHIFT IN EXCLUSIVE MODE");
        }
    }

    /** The person's first live shift that shares an instant with [start, end), if any. */
    Optional<DutyShift> clash(Connection c, String username, Instant start, Instant end) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ROSTER_SHIFT WHERE USERNAME = ? AND START_MS > ?"
                + " AND START_MS < ? AND END_MS > ? AND REMOVED_MS IS NULL ORDER BY START_MS")) {
            ps.setString(1, username);
            ps.setLong(2, start.toEpochMilli() - MAX_MS);
            ps.setLong(3, end.toEpochMilli());
            ps.setLong(4, start.toEpochMilli());
            List<DutyShift> found = read(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Live shifts that share an instant with [from, to), by start. */
    List<DutyShift> between(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ROSTER_SHIFT WHERE START_MS > ? AND START_MS < ?"
                + " AND END_MS > ? AND REMOVED_MS IS NULL ORDER BY START_MS, ID")) {
            ps.setLong(1, from.toEpochMilli() - MAX_MS);
            ps.setLong(2, to.toEpochMilli());
            ps.setLong(3, from.toEpochMilli());
            return read(ps);
        }
    }

    /** Usernames with a live shift of the role covering the instant. */
    Set<String> onDuty(Connection c, String role, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT USERNAME FROM ROSTER_SHIFT WHERE ROLE_NAME = ? AND START_MS > ?"
                + " AND START_MS <= ? AND END_MS > ? AND REMOVED_MS IS NULL")) {
            ps.setString(1, role);
            ps.setLong(2, at.toEpochMilli() - MAX_MS);
            ps.setLong(3, at.toEpochMilli());
            ps.setLong(4, at.toEpochMilli());
            Set<String> names = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    Optional<DutyShift> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ROSTER_SHIFT WHERE ID = ? AND REMOVED_MS IS NULL")) {
            ps.setLong(1, id);
            List<DutyShift> found = read(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Marks the shift removed; false when it was removed meanwhile. */
    boolean markRemoved(Connection c, long id, String by, Instant at, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ROSTER_SHIFT SET REMOVED_BY = ?, REMOVED_MS = ?, REMOVE_REASON = ?"
                + " WHERE ID = ? AND REMOVED_MS IS NULL")) {
            ps.setString(1, by);
            ps.setLong(2, at.toEpochMilli());
            ps.setString(3, reason);
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
        }
    }

    private static List<DutyShift> read(PreparedStatement ps) throws SQLException {
        List<DutyShift> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new DutyShift(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)),
                        Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9))));
            }
        }
        return out;
    }
}
