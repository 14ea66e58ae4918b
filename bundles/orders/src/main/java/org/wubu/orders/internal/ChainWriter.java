package org.wubu.orders.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.locks.ReentrantLock;
import org.wubu.platform.api.persistence.UnitOfWork;
import org.wubu.platform.api.chain.HashChain;

/**
 * Serializes appends to the order records, so that the global chain never forks and stays fast.
 *
 * <p>Within this node, one lock is held from reading the chain's head to the commit: the next
 * appender always reads a committed head, and the head can be kept in memory instead of being read
 * for every record. Across nodes (or after anything else wrote records), the database decides: the
 * record's id (head + 1) is the primary key and its previous global hash is unique, so a writer with
 * a stale head gets a duplicate key, rolls back to its savepoint, re-reads the head and tries again.
 * Each append is one transaction; Derby's row locks are never waited for while holding the lock,
 * because no other transaction holds uncommitted rows of ORD_RECORD or ORD_STATUS.
 *
 * <p>Inside a {@link UnitOfWork} (an order's intake) the body's rows are committed by the unit, with the
 * catalog's reservation and the audit entries: the lock is then held until the unit ends, and the new
 * head is kept only if it committed.
 */
final class ChainWriter {

    /** A chain without records: the head before record 1. */
    static final OrderTables.Head EMPTY = new OrderTables.Head(0, HashChain.GENESIS);
    private static final int ATTEMPTS = 5;

    /** The work done under the lock, in the caller's transaction, given the current head. */
    @FunctionalInterface
    interface Body<T> {
        Appended<T> run(Connection c, OrderTables.Head head) throws SQLException;
    }

    /** What the body made, and the chain's new head. */
    record Appended<T>(T value, OrderTables.Head head) {
    }

    private final OrderTables tables;
    private final UnitOfWork units;
    private final ReentrantLock lock = new ReentrantLock();
    /** The committed head, or null when it must be read (at start, after a failure). Guarded by {@link #lock}. */
    private OrderTables.Head head;

    ChainWriter(OrderTables tables, UnitOfWork units) {
        this.tables = tables;
        this.units = units;
    }

    /**
     * Runs the body under the lock and commits the connection's transaction; inside a unit of work, the
     * connection is the unit's and the unit commits.
     */
    <T> T append(Connection c, Body<T> body) throws SQLException {
        return units.active() ? appendInUnit(c, body) : appendAlone(c, body);
    }

    private <T> T appendInUnit(Connection c, Body<T> body) throws SQLException {
        if (!lock.isHeldByCurrentThread()) {
            lock.lock();
            units.afterCompletion(committed -> {
                if (!committed) {
                    head = null; // what the unit wrote is gone: read the head again next time
                }
                lock.unlock();
            });
        }
        try {
            Appended<T> done = attempts(c, body);
            head = done.head(); // guarded until the unit ends; dropped above if it rolls back
            return done.value();
        } catch (RuntimeException | SQLException e) {
            head = null;
            throw e;
        }
    }

    private <T> Appended<T> attempts(Connection c, Body<T> body) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = c.setSavepoint();
            OrderTables.Head current = head != null ? head : tables.head(c).orElse(EMPTY);
            try {
                return body.run(c, current);
            } catch (SQLException e) {
                head = null;
                if (OrderTables.isDuplicateKey(e) && attempt < ATTEMPTS) {
                    // Someone else appended (another node): start again from the head in the database.
                    c.rollback(savepoint);
                    continue;
                }
                throw e;
            }
        }
    }

    private <T> T appendAlone(Connection c, Body<T> body) throws SQLException {
        lock.lock();
        try {
            Appended<T> done = attempts(c, body);
            c.commit();
            head = done.head();
            return done.value();
        } catch (RuntimeException | SQLException e) {
            head = null;
            throw e;
        } finally {
            lock.unlock();
        }
    }
}
