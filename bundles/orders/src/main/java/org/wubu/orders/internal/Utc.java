package org.wubu.orders.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Times in the orders tables are UTC wall-clock TIMESTAMPs. Reading and writing through a UTC
 * calendar keeps the JVM's default zone (and its daylight-saving gaps) out of it.
 */
final class Utc {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Utc() {
    }

    /** Millisecond precision: what the hash covers and what every database stores exactly. */
    static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    static void set(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, java.sql.Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(t), Calendar.getInstance(UTC));
        }
    }

    static Instant get(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column, Calendar.getInstance(UTC));
        return ts == null ? null : ts.toInstant();
    }
}
