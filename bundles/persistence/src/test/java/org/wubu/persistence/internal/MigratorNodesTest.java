package org.wubu.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.ClassRule;
import org.junit.Test;
import org.wubu.platform.api.persistence.MigrationReport;
import org.wubu.testsupport.TestPostgres;

/**
 * Several nodes of the platform on one PostgreSQL start at the same moment and migrate the same bundle: every
 * node's report is ok, each script ran once (one history row, its table created once), and no node is left
 * with a failed schema because another one created the table first.
 */
public class MigratorNodesTest {

    @ClassRule
    public static final TestPostgres POSTGRES = new TestPostgres();

    /** Slow enough that the nodes' reads of the history all happen before the first one commits. */
    private static final MigrationScript V1 = new MigrationScript("V1__race.sql",
            "SELECT pg_sleep(1);\nCREATE TABLE T_RACE (ID BIGINT NOT NULL PRIMARY KEY);\nINSERT INTO T_RACE VALUES (1);\n");
    private static final MigrationScript V2 = new MigrationScript("V2__more.sql", "ALTER TABLE T_RACE ADD COLUMN NOTE VARCHAR(20)");

    @Test
    public void nodesStartingTogetherApplyEachScriptOnce() throws Exception {
        DataSource ds = POSTGRES.freshDatabase("migrator_nodes");
        new Migrator(ds, Clock.systemUTC()).ensureHistoryTable();
        int nodes = 3;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MigrationReport>> reports = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Migrator node = new Migrator(ds, Clock.systemUTC()); // a node of its own: nothing shared but the database
                reports.add(pool.submit(() -> {
                    start.await();
                    return node.migrate("org.example.race", List.of(V1, V2));
                }));
            }
            start.countDown();
            for (Future<MigrationReport> f : reports) {
                MigrationReport r = f.get(60, TimeUnit.SECONDS);
                assertTrue("every node's schema is ready: " + r.error(), r.ok());
                assertEquals(List.of("1", "2"), r.applied());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM " + Migrator.HISTORY + " WHERE BUNDLE = 'org.example.race' AND VERSION = '1'"));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM " + Migrator.HISTORY + " WHERE BUNDLE = 'org.example.race' AND VERSION = '2'"));
        assertEquals("the script's rows were written once", 1, count(ds, "SELECT COUNT(*) FROM T_RACE"));
    }

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
