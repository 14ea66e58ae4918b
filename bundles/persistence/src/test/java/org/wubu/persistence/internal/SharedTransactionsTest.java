package org.wubu.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.platform.api.WubuException;

/** Units of work on a real embedded Derby: what participants see, what is committed, when callbacks run. */
public class SharedTransactionsTest {

    @Rule
    public final DerbyFixture db = new DerbyFixture();

    private SharedTransactions units;

    @Before
    public void setUp() throws SQLException {
        db.sql("CREATE TABLE T (ID INT PRIMARY KEY, NAME VARCHAR(20))");
        units = new SharedTransactions(db.dataSource);
    }

    /** A participant as the bundles write: its own connection, transaction, commit and close. */
    private void insertAsParticipant(int id) throws SQLException {
        try (Connection c = units.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO T VALUES (" + id + ", 'row " + id + "')");
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    @Test
    public void participantsShareOneTransactionCommittedOnceAtTheEnd() throws Exception {
        List<String> seen = new ArrayList<>();
        units.run(() -> {
            insertAsParticipant(1);
            insertAsParticipant(2);
            assertSame("one connection for the unit", units.getConnection(), units.getConnection());
            assertTrue(units.active());
            units.afterCompletion(committed -> seen.add("completion " + committed));
            units.afterCommit(() -> seen.add("commit"));
            // Written at once, on the unit's connection (a reader of uncommitted rows sees them); committed at the end.
            try (Connection other = db.dataSource.getConnection(); Statement s = other.createStatement()) {
                other.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
                try (var rs = s.executeQuery("SELECT COUNT(*) FROM T")) {
                    rs.next();
                    assertEquals("written, not committed", 2, rs.getInt(1));
                }
            }
            assertEquals(List.of(), seen);
            return null;
        });
        assertFalse(units.active());
        assertEquals(2, db.count("T"));
        assertEquals("completion actions first (they release locks), then the after-commit ones",
                List.of("completion true", "commit"), seen);
    }

    @Test
    public void anExceptionRollsEverythingBackAndOnlyCompletionActionsRun() throws Exception {
        List<String> seen = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> units.run(() -> {
            insertAsParticipant(1);
            units.afterCompletion(committed -> seen.add("completion " + committed));
            units.afterCommit(() -> seen.add("commit"));
            throw new IllegalStateException("line 2 refused");
        }));
        assertEquals("line 2 refused", e.getMessage());
        assertEquals(0, db.count("T"));
        assertEquals(List.of("completion false"), seen);
    }

    @Test
    public void aParticipantThatRolledBackDoomsTheUnitEvenIfTheWorkGoesOn() throws Exception {
        WubuException e = assertThrows(WubuException.class, () -> units.run(() -> {
            insertAsParticipant(1);
            try (Connection c = units.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO T VALUES (2, 'half')");
                }
                c.rollback(); // its part failed; the caller swallows the failure
            }
            insertAsParticipant(3);
            return null;
        }));
        assertEquals(SharedTransactions.UNAVAILABLE, e.code());
        assertTrue(e.getMessage(), e.getMessage().contains("rolled back"));
        assertEquals("nothing of a half change is committed", 0, db.count("T"));
    }

    @Test
    public void aNestedRunJoinsAndOnlyTheOutermostCommits() throws Exception {
        units.run(() -> {
            insertAsParticipant(1);
            units.run(() -> {
                insertAsParticipant(2);
                return null;
            });
            assertTrue("still in the outer unit", units.active());
            return null;
        });
        assertEquals(2, db.count("T"));
        assertThrows(IllegalStateException.class, () -> units.run(() -> {
            units.run(() -> {
                insertAsParticipant(3);
                return null;
            });
            throw new IllegalStateException("the outer work fails after the inner returned");
        }));
        assertEquals("the inner part went with the outer unit", 2, db.count("T"));
    }

    @Test
    public void outsideAUnitConnectionsAreOrdinaryAndActionsRunAtOnce() throws Exception {
        try (Connection a = units.getConnection(); Connection b = units.getConnection()) {
            assertNotSame(a, b);
            a.setAutoCommit(false);
            try (Statement s = a.createStatement()) {
                s.executeUpdate("INSERT INTO T VALUES (1, 'x')");
            }
            a.rollback();
            a.setAutoCommit(true);
        }
        assertEquals(0, db.count("T"));
        List<String> seen = new ArrayList<>();
        units.afterCompletion(committed -> seen.add("completion " + committed));
        units.afterCommit(() -> seen.add("commit"));
        assertEquals(List.of("completion true", "commit"), seen);
        assertFalse(units.active());
    }

    @Test
    public void savepointsStayTheParticipantsOwn() throws Exception {
        units.run(() -> {
            Connection c = units.getConnection();
            insertAsParticipant(1);
            var savepoint = c.setSavepoint();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO T VALUES (2, 'undone')");
            }
            c.rollback(savepoint);
            insertAsParticipant(3);
            return null;
        });
        assertEquals(2, db.count("T"));
    }
}
