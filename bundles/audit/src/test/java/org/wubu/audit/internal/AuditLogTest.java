package org.wubu.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.wubu.persistence.internal.SharedTransactions;
import org.wubu.testsupport.RecordingEventAdmin;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.audit.AuditPage;
import org.wubu.platform.api.audit.AuditQuery;
import org.wubu.platform.api.chain.ChainVerification;
import org.wubu.platform.api.persistence.SchemaReady;

/** The audit log on a real embedded Derby with EclipseLink, the tables made by the bundle's migration. */
public class AuditLogTest {

    private static final Caller ALICE = new Caller("alice", Set.of("it"), Set.of(Caller.ALL));
    private static final Caller NOBODY = new Caller("nobody", Set.of(), Set.of());

    private EmbeddedDataSource ds;
    private EntityManagerFactory emf;
    private AuditLog log;
    private SharedTransactions units;
    private final RecordingEventAdmin recorder = new RecordingEventAdmin();
    private final List<Event> events = recorder.events;
    private Thread unitWaiter;
    private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-27T02:00:00Z").toEpochMilli());

    @Before
    public void setUp() throws Exception {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "audit-");
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        String script = Files.readString(Path.of("src/main/resources/db/migration/V1__audit_log.sql"), StandardCharsets.UTF_8)
                .replaceAll("(?m)--.*$", "");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
        units = new SharedTransactions(ds); // as in the platform: the audit log writes through the joining data source
        emf = Persistence.createEntityManagerFactory("wubu-audit", Map.of("javax.persistence.nonJtaDataSource", units));
        ShopClock clock = new ShopClock() {
            @Override
            public Instant now() {
                return Instant.ofEpochMilli(millis.addAndGet(1000));
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of("Asia/Shanghai");
            }
        };
        log = new AuditLog(emf, new SchemaReady() { }, clock, units);
        log.eventAdmin = recorder;
    }

    @After
    public void tearDown() {
        emf.close();
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection();
        } catch (SQLException expected) {
            // shut down
        }
    }

    @Test
    public void anEntryInAUnitOfWorkIsCommittedWithItAndAnnouncedAfterwards() throws Exception {
        log.record(ALICE, "test.step", "thing:0", "before");
        int announced = events.size();
        long written = units.run(() -> {
            long seq = log.record(ALICE, "test.step", "thing:1", "in the unit").sequence();
            log.record(ALICE, "test.step", "thing:2", "also in the unit");
            assertEquals("no event before the commit", announced, events.size());
            // Another thread cannot chain to the uncommitted entry: it waits for the unit's end.
            Thread other = new Thread(() -> log.record(ALICE, "test.step", "thing:3", "from another thread"));
            other.start();
            other.join(300);
            assertTrue("an append from another thread waits for the unit", other.isAlive());
            unitWaiter = other;
            return seq;
        });
        unitWaiter.join(10_000);
        assertFalse(unitWaiter.isAlive());
        assertEquals(2, written);
        assertEquals(announced + 3, events.size());
        assertEquals(4, log.count());
        assertEquals(List.of("thing:3", "thing:2", "thing:1", "thing:0"), log.list(ALICE, AuditQuery.latest(10)).items().stream()
                .map(e -> e.subject()).collect(Collectors.toList()));
        assertTrue(log.verify(ALICE).intact());
    }

    @Test
    public void anEntryInAUnitThatRollsBackIsGoneAndTheChainGoesOn() {
        log.record(ALICE, "test.step", "thing:0", "kept");
        int announced = events.size();
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> units.run(() -> {
            log.record(ALICE, "test.step", "thing:1", "rolled back");
            throw new IllegalStateException("the change failed after its audit entry");
        }));
        assertEquals("the change failed after its audit entry", failed.getMessage());
        assertEquals("nothing announced for a rolled-back entry", announced, events.size());
        assertEquals(1, log.count());
        log.record(ALICE, "test.step", "thing:2", "next");
        assertEquals(2, log.head().orElseThrow().sequence());
        assertTrue(log.verify(ALICE).intact());
    }

    @Test
    public void entriesChainAndVerify() {
        assertTrue(log.head().isEmpty());
        log.record(ALICE, "backup.run", "backup:1", "first");
        log.record(ALICE, "catalog.price.approve", "product:SKU-1", "129.00 → 119.00");
        var third = log.record(Caller.SYSTEM, "demo.seed", "platform", "");
        assertEquals(3, third.sequence());
        assertEquals(third.hash(), log.head().orElseThrow().hash());
        assertEquals(3, log.count());
        ChainVerification v = log.verify(ALICE);
        assertEquals("intact, 3 entries", v.summary());
    }

    @Test
    public void anAlteredRowIsFoundAndNamed() throws Exception {
        for (int i = 0; i < 5; i++) {
            log.record(ALICE, "test.step", "thing:" + i, "step " + i);
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE AUDIT_ENTRY SET DETAILS = 'forged' WHERE SEQ = 3");
        }
        ChainVerification v = log.verify(ALICE);
        assertFalse(v.intact());
        assertEquals(3, v.firstBroken());
        assertEquals(2, v.checked());
        assertTrue(v.reason(), v.reason().contains("altered"));
    }

    @Test
    public void aDeletedRowIsFound() throws Exception {
        for (int i = 0; i < 4; i++) {
            log.record(ALICE, "test.step", "thing:" + i, "");
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM AUDIT_ENTRY WHERE SEQ = 2");
        }
        ChainVerification v = log.verify(ALICE);
        assertEquals(3, v.firstBroken());
        assertTrue(v.reason(), v.reason().contains("removed"));
    }

    @Test
    public void listFiltersAndPagesNewestFirst() {
        for (int i = 1; i <= 7; i++) {
            log.record(i % 2 == 0 ? ALICE : Caller.SYSTEM, "test.step", "thing:" + (i % 3), "n" + i);
        }
        AuditPage page = log.list(ALICE, new AuditQuery(null, null, null, null, null, null, 3));
        assertEquals(3, page.items().size());
        assertEquals(7, page.items().get(0).sequence());
        assertEquals(Long.valueOf(5), page.nextBefore());
        AuditPage second = log.list(ALICE, new AuditQuery(null, null, null, null, null, page.nextBefore(), 3));
        assertEquals(4, second.items().get(0).sequence());
        AuditPage last = log.list(ALICE, new AuditQuery(null, null, null, null, null, second.nextBefore(), 3));
        assertEquals(1, last.items().size());
        assertNull(last.nextBefore());

        assertEquals(3, log.list(ALICE, new AuditQuery("alice", null, null, null, null, null, 50)).items().size());
        assertEquals(2, log.list(ALICE, new AuditQuery(null, "thing:0", null, null, null, null, 50)).items().size());
        // Times: entry n was recorded at 02:00:00 + n seconds.
        Instant from = Instant.parse("2026-11-27T02:00:03Z");
        Instant to = Instant.parse("2026-11-27T02:00:05Z");
        assertEquals(2, log.list(ALICE, new AuditQuery(null, null, null, from, to, null, 50)).items().size());
    }

    @Test
    public void readingNeedsThePermissionRecordingValidates() {
        assertThrows(PermissionDeniedException.class, () -> log.list(NOBODY, AuditQuery.latest(10)));
        assertThrows(PermissionDeniedException.class, () -> log.verify(NOBODY));
        assertThrows(ValidationException.class, () -> log.record(ALICE, " ", "x", ""));
        assertThrows(ValidationException.class, () -> log.record(ALICE, "a", "x", "d".repeat(AuditLog.MAX_DETAILS + 1)));
        assertThrows(ValidationException.class, () -> AuditQuery.latest(0));
        assertEquals(0, log.count());
    }

    @Test
    public void unicodeSurvivesTheRoundTrip() {
        log.record(ALICE, "cms.publish", "page:首页", "改版 ✓");
        assertEquals("改版 ✓", log.list(ALICE, AuditQuery.latest(1)).items().get(0).details());
        assertTrue(log.verify(ALICE).intact());
    }
}
