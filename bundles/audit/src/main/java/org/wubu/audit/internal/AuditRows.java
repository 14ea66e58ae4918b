package org.wubu.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.wubu.platform.api.audit.AuditEntry;

/**
 * Writes an audit entry with one plain INSERT on the connection of the entity manager's transaction. Entries
 * are only ever inserted, and every order's intake writes two: as a managed entity each cost EclipseLink a
 * change set and a commit cycle, more than the row itself. The column values are those of
 * {@link AuditEntryEntity}, so reads through JPA see the same entry.
 */
final class AuditRows {

    private AuditRows() {
    }

    /** Inserts the entry in the entity manager's active transaction. */
    static void insert(EntityManager em, AuditEntry e) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            em.persist(new AuditEntryEntity(e)); // no connection handed out: the managed way
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO AUDIT_ENTRY (SEQ, OCCURRED_AT, ACTOR, ACTION, SUBJECT, DETAILS,"
                + " PREV_HASH, HASH) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.sequence());
            ps.setTimestamp(2, Timestamp.valueOf(LocalDateTime.ofInstant(e.time(), ZoneOffset.UTC)));
            ps.setString(3, e.actor());
            ps.setString(4, e.action());
            ps.setString(5, e.subject());
            ps.setString(6, e.details());
            ps.setString(7, e.previousHash());
            ps.setString(8, e.hash());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new PersistenceException(ex.getMessage(), ex); // handled as any failed write of the log
        }
    }
}
