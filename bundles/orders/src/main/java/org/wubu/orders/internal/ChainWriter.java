package org.wubu.orders.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.locks.ReentrantLock;
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
    private final ReentrantLock lock = new ReentrantLock();
    /** The committed head, or null when it must be read (at start, after a failure). Guarded by {@link #lock}. */
    private OrderTables.Head head;

    ChainWriter(OrderTables tables) {
        this.tables = tables;
    }

    /** Runs the body under the lock and commits the connection's transaction. */
    <T> T append(Connection c, Body<T> body) throws SQLException {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                Savepoint savepoint = c.setSavepoint();
                OrderTables.Head current = head != null ? head : tables.head(c).orElse(EMPTY);
                try {
                    Appended<T> done = body.run(c, current);
                    c.commit();
                    head = done.head();
                    return done.value();
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
        } catch (RuntimeException | SQLException e) {
            head = null;
            throw e;
        } finally {
            lock.unlock();
        }
    }
}
