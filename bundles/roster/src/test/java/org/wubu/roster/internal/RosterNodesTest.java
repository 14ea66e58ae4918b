package org.wubu.roster.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.ClassRule;
import org.junit.Test;
import org.wubu.persistence.internal.SharedTransactions;
import org.wubu.platform.api.WubuException;
import org.wubu.roster.api.DutyRoster;
import org.wubu.roster.api.ShiftRequest;
import org.wubu.testsupport.MovableClock;
import org.wubu.testsupport.RecordingAudit;
import org.wubu.testsupport.RecordingEventAdmin;
import org.wubu.testsupport.TestPostgres;

/**
 * Two nodes sharing one PostgreSQL (README "Switching to PostgreSQL", several Karaf nodes): each has its own
 * roster store, so the store's Java lock cannot keep them apart; only the table lock of an assignment's
 * transaction can. Each round, four shifts of one person that all overlap each other are assigned at the same moment, two
 * on each node: exactly one is stored, the other three are refused as overlapping.
 */
public class RosterNodesTest {

    @ClassRule
    public static final TestPostgres POSTGRES = new TestPostgres();

    private static final String[][] SHIFTS = {{"09:00", "12:00"}, {"10:00", "13:00"}, {"11:00", "14:00"}, {"11:30", "12:30"}};

    @Test
    public void twoNodesNeverBookOnePersonTwiceAtOnce() throws Exception {
        DataSource db = POSTGRES.freshDatabase("roster");
        migrate(db);
        MovableClock clock = new MovableClock();
        RosterStore[] nodes = {node(db, clock), node(db, clock)};
        ExecutorService pool = Executors.newFixedThreadPool(SHIFTS.length);
        try {
            for (int round = 0; round < 15; round++) {
                LocalDate day = LocalDate.of(2026, 12, 1).plusDays(round);
                CyclicBarrier start = new CyclicBarrier(SHIFTS.length);
                List<Future<Boolean>> tries = new ArrayList<>();
                for (int i = 0; i < SHIFTS.length; i++) {
                    RosterStore node = nodes[i % 2];
                    ShiftRequest r = new ShiftRequest("agent", "cs-agent", null, at(clock, day, SHIFTS[i][0]), at(clock, day, SHIFTS[i][1]),
                            "round " + round);
                    tries.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            node.assign(RosterFixture.MANAGER, r);
                            return true;
                        } catch (WubuException e) {
                            assertEquals(e.getMessage(), DutyRoster.OVERLAP, e.code());
                            return false;
                        }
                    }));
                }
                int stored = 0;
                for (Future<Boolean> t : tries) {
                    stored += t.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals("round " + round + ": shifts stored", 1, stored);
                assertEquals("round " + round + ": rows of that day", 1, rows(db, "round " + round));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static RosterStore node(DataSource db, MovableClock clock) {
        SharedTransactions units = new SharedTransactions(db);
        RosterStore roster = new RosterStore(units, units, clock, new RecordingAudit(), RosterFixture.config());
        roster.eventAdmin = new RecordingEventAdmin();
        return roster;
    }

    private static Instant at(MovableClock clock, LocalDate day, String hhmm) {
        return day.atTime(LocalTime.parse(hhmm)).atZone(clock.zone()).toInstant();
    }

    private static int rows(DataSource db, String note) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ROSTER_SHIFT WHERE NOTE = ?"
                + " AND REMOVED_MS IS NULL")) {
            ps.setString(1, note);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The roster's one script (portable, no PostgreSQL variant), statement by statement. */
    private static void migrate(DataSource db) throws Exception {
        String script = Files.readString(Path.of("src/main/resources/db/migration/V1__roster.sql"), StandardCharsets.UTF_8)
                .replaceAll("(?m)--.*$", "");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }
}
