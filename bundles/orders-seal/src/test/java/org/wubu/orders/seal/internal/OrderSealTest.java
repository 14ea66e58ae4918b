package org.wubu.orders.seal.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.wubu.orders.seal.internal.SealFixture.DBA;
import static org.wubu.orders.seal.internal.SealFixture.PLANNER;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.seal.DailySeal;
import org.wubu.orders.api.seal.OrderSeals;
import org.wubu.orders.api.seal.SealFile;
import org.wubu.orders.api.seal.SealVerification;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.health.HealthResult;

/** The daily record (ORD-4) over the real orders store on embedded Derby, with the shop's clock moved by hand. */
public class OrderSealTest {

    private static final LocalDate NOV_27 = LocalDate.parse("2026-11-27");
    private static final LocalDate NOV_28 = LocalDate.parse("2026-11-28");
    private static final LocalDate NOV_29 = LocalDate.parse("2026-11-29");

    @Rule
    public final SealFixture f = new SealFixture();

    @Test
    public void theDayIsSealedAtSixPmWithExactlyTheRecordsOfItsWindow() throws Exception {
        f.at("2026-11-27T10:00:00+08:00");
        OrderSealComponent seals = f.seals();
        long first = f.place("k-1");
        f.place("k-2");
        f.note(first, "请放在门卫处");
        assertEquals("nothing is due before 18:00", List.of(), seals.sealDue("schedule"));

        f.at("2026-11-27T17:59:59.999+08:00");
        f.place("k-3");
        f.at("2026-11-27T18:00:00+08:00");
        f.place("k-4"); // exactly 18:00: the next day's window
        f.at("2026-11-27T18:00:05+08:00");
        assertEquals("not before the settle time", List.of(), seals.sealDue("schedule"));
        WubuException early = assertThrows(WubuException.class, () -> seals.seal(DBA, NOV_27));
        assertEquals(OrderSeals.NOT_DUE, early.code());

        f.at("2026-11-27T18:00:10+08:00");
        List<DailySeal> written = seals.sealDue("schedule");
        assertEquals(1, written.size());
        DailySeal s = written.get(0);
        List<OrderRecord> window = f.orders.journal(Caller.SYSTEM, 0, null, OffsetDateTime.parse("2026-11-27T18:00:00+08:00").toInstant(), 100);
        assertEquals(7, window.size());
        assertEquals(NOV_27, s.date());
        assertEquals(OffsetDateTime.parse("2026-11-26T18:00:00+08:00").toInstant(), s.from());
        assertEquals(OffsetDateTime.parse("2026-11-27T18:00:00+08:00").toInstant(), s.to());
        assertEquals(7, s.records());
        assertEquals(3, s.orders());
        assertEquals(Long.valueOf(1), s.firstRecordId());
        assertEquals(Long.valueOf(7), s.lastRecordId());
        assertEquals(Map.of("CREATED", 3L, "ACCEPTED", 3L, "NOTE", 1L), s.kinds());
        assertEquals(7, s.chainHead().sequence());
        assertEquals(window.get(6).hash(), s.chainHead().hash());
        assertEquals("schedule", s.trigger());

        Path records = f.folder.resolve("2026-11-27/records.jsonl");
        List<String> lines = Files.readAllLines(records, StandardCharsets.UTF_8);
        assertEquals(7, lines.size());
        for (int i = 0; i < 7; i++) {
            assertEquals("line " + (i + 1) + " is the record, every field", window.get(i), RecordLines.parse(lines.get(i)));
        }
        assertEquals(sha256(records), s.sha256());
        assertEquals(Files.size(records), s.bytes());
        assertEquals("the manifest reads back as written", s, seals.find(DBA, NOV_27).orElseThrow());
        try (Stream<Path> entries = Files.list(f.folder)) {
            assertEquals("nothing half-written is left", List.of("2026-11-27"), entries.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(f.audit.recorded.contains("orders.seal.write orders-seal:2026-11-27"));
        assertTrue(f.topics().contains(OrderSeals.SEALED));

        // Idempotent: nothing is written twice, a seal is never replaced.
        byte[] before = Files.readAllBytes(records);
        f.at("2026-11-27T23:00:00+08:00");
        assertEquals(List.of(), seals.sealDue("schedule"));
        assertEquals(s.sha256(), seals.seal(DBA, NOV_27).sha256());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(records)));

        SealVerification v = seals.verify(DBA, NOV_27);
        assertTrue(v.problems().toString(), v.ok());
        assertEquals(7, v.records());
        assertTrue(f.audit.recorded.contains("orders.seal.verify orders-seal:2026-11-27"));
        assertTrue(seals.check().up());
    }

    @Test
    public void daysMissedWhileThePlatformWasDownAreWrittenAtTheNextStart() throws Exception {
        f.at("2026-11-27T10:00:00+08:00");
        f.place("k-1");
        f.at("2026-11-27T18:00:10+08:00");
        assertEquals(1, f.seals().sealDue("schedule").size());
        // Down from here: orders keep coming through another node, nobody seals 28 and 29.
        f.at("2026-11-28T12:00:00+08:00");
        long second = f.place("k-2");
        f.note(second, "改地址前先电话确认");
        f.at("2026-11-29T09:00:00+08:00");
        f.place("k-3");

        f.at("2026-11-30T08:00:00+08:00");
        OrderSealComponent restarted = f.seals();
        f.clock.advance(Duration.ofMinutes(6));
        HealthResult missed = restarted.check();
        assertFalse(missed.up());
        assertTrue(missed.reason(), missed.reason().contains("2026-11-28, 2026-11-29 are not sealed"));

        List<DailySeal> caughtUp = restarted.sealDue("catch-up");
        assertEquals(List.of(NOV_28, NOV_29), caughtUp.stream().map(DailySeal::date).toList());
        DailySeal d28 = caughtUp.get(0);
        DailySeal d29 = caughtUp.get(1);
        assertEquals(3, d28.records());
        assertEquals(Map.of("CREATED", 1L, "ACCEPTED", 1L, "NOTE", 1L), d28.kinds());
        assertEquals(Long.valueOf(3), d28.firstRecordId());
        assertEquals(Long.valueOf(5), d28.lastRecordId());
        assertEquals(5, d28.chainHead().sequence());
        assertEquals(2, d29.records());
        assertEquals(7, d29.chainHead().sequence());
        assertEquals("catch-up", d28.trigger());
        assertEquals("catch-up", d29.trigger());
        assertFalse("the 30th is not over", Files.exists(f.folder.resolve("2026-11-30")));
        assertTrue(restarted.check().up());
        for (DailySeal s : restarted.list(DBA)) {
            assertTrue(s.date() + " verifies", restarted.verify(DBA, s.date()).ok());
        }
        assertEquals(List.of(NOV_29, NOV_28, NOV_27), restarted.list(DBA).stream().map(DailySeal::date).toList());
    }

    @Test
    public void aDayWithoutOrdersIsSealedEmptyAndCatchUpIsBounded() {
        f.at("2026-11-27T10:00:00+08:00");
        f.place("k-1");
        f.at("2026-11-27T18:00:10+08:00");
        OrderSealComponent seals = f.seals();
        seals.sealDue("schedule");
        f.at("2027-01-10T19:00:00+08:00"); // 44 days later; the most recent 31 are written
        List<DailySeal> written = seals.sealDue("schedule");
        assertEquals(31, written.size());
        assertEquals(LocalDate.parse("2026-12-11"), written.get(0).date());
        assertEquals(LocalDate.parse("2027-01-10"), written.get(30).date());
        assertEquals("schedule", written.get(30).trigger());
        DailySeal empty = written.get(30);
        assertEquals(0, empty.records());
        assertNull(empty.firstRecordId());
        assertEquals("an empty day still names the chain head", 2, empty.chainHead().sequence());
        assertTrue(seals.verify(DBA, empty.date()).ok());
    }

    @Test
    public void anEditedRecordsFileIsDetected() throws Exception {
        OrderSealComponent seals = sealedDay();
        Path records = f.folder.resolve("2026-11-27/records.jsonl");
        String text = Files.readString(records, StandardCharsets.UTF_8);
        assertTrue(text.contains("王小明"));
        Files.writeString(records, text.replaceFirst("王小明", "王小红"), StandardCharsets.UTF_8);

        SealVerification v = seals.verify(DBA, NOV_27);
        assertFalse(v.ok());
        assertTrue(v.problems().get(0), v.problems().get(0).startsWith("records.jsonl was changed after sealing"));
        assertTrue(v.problems().toString(), v.problems().stream().anyMatch(p -> p.startsWith("record 1 (order 1, sequence 1) differs in payload")));
        assertTrue(f.topics().contains(OrderSeals.VERIFIED));
        assertTrue(f.audit.entries.get(f.audit.entries.size() - 1).details().contains("changed after sealing"));
    }

    @Test
    public void anEditedManifestIsDetectedAndSoIsAForgerWhoFixesIt() throws Exception {
        OrderSealComponent seals = sealedDay();
        Path manifest = f.folder.resolve("2026-11-27/manifest.json");
        String original = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, original.replace("\"records\" : 5", "\"records\" : 4"), StandardCharsets.UTF_8);
        SealVerification v = seals.verify(DBA, NOV_27);
        assertFalse(v.ok());
        assertEquals(List.of("records.jsonl holds 5 records, the manifest says 4"), v.problems());

        // Drop the last record from the file and fix the manifest to match: only the database can tell.
        Path records = f.folder.resolve("2026-11-27/records.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(records, StandardCharsets.UTF_8));
        lines.remove(4);
        Files.write(records, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        String forged = original.replace("\"records\" : 5", "\"records\" : 4").replace("\"lastRecordId\" : 5", "\"lastRecordId\" : 4")
                .replaceAll("\"sha256\" : \"[0-9a-f]{64}\"", "\"sha256\" : \"" + sha256(records) + "\"")
                .replaceAll("\"bytes\" : \\d+", "\"bytes\" : " + Files.size(records))
                .replace("\"NOTE\" : 1", "\"NOTE\" : 0").replace(",\n    \"NOTE\" : 0", "");
        Files.writeString(manifest, forged, StandardCharsets.UTF_8);
        v = seals.verify(DBA, NOV_27);
        assertFalse(v.ok());
        assertEquals(v.problems().toString(), 1, v.problems().size());
        assertTrue(v.problems().get(0), v.problems().get(0).startsWith("record 5 (order 1, sequence 3, NOTE) is in the database's window but not in the file"));
    }

    @Test
    public void aRecordChangedInTheDatabaseIsDetected() throws Exception {
        OrderSealComponent seals = sealedDay();
        // Only the database owner, who first drops the ORD-5 trigger, can change a record.
        f.execute("DROP TRIGGER ORD_RECORD_NO_UPDATE");
        assertEquals(1, f.execute("UPDATE ORD_RECORD SET ACTOR = 'mallory' WHERE ID = 3"));

        SealVerification v = seals.verify(DBA, NOV_27);
        assertFalse(v.ok());
        assertEquals(List.of("record 3 (order 2, sequence 1) differs in actor: the file has 'storefront', the database has 'mallory'"),
                v.problems());
        assertTrue(v.summary(), v.summary().startsWith("2026-11-27 differs: record 3"));
    }

    @Test
    public void onlyTheDbaLevelUsesSealsAndUnknownDatesAreNotFound() throws Exception {
        OrderSealComponent seals = sealedDay();
        assertThrows(PermissionDeniedException.class, () -> seals.list(PLANNER));
        assertThrows(PermissionDeniedException.class, () -> seals.verify(PLANNER, NOV_27));
        assertThrows(PermissionDeniedException.class, () -> seals.file(PLANNER, NOV_27, SealFile.RECORDS));
        assertThrows(NotFoundException.class, () -> seals.verify(DBA, NOV_28));
        assertThrows(NotFoundException.class, () -> seals.file(DBA, NOV_28, SealFile.MANIFEST));
        assertEquals(f.folder.resolve("2026-11-27/records.jsonl"), seals.file(DBA, NOV_27, SealFile.RECORDS));
    }

    @Test
    public void healthReportsASealMissedWhileTheOrdersServiceIsStopped() {
        f.at("2026-11-27T10:00:00+08:00");
        f.place("k-1");
        OrderSealComponent seals = f.seals();
        seals.unbindOrders(f.orders);
        f.at("2026-11-27T18:03:00+08:00");
        assertTrue("within the grace period", seals.check().up());
        assertEquals(List.of(), seals.sealDue("schedule"));
        f.at("2026-11-27T18:06:00+08:00");
        HealthResult down = seals.check();
        assertFalse(down.up());
        assertEquals("the order records of 2026-11-27 are not sealed (the orders service is not running)", down.reason());
        WubuException refused = assertThrows(WubuException.class, () -> seals.seal(DBA, NOV_27));
        assertEquals("orders-unavailable", refused.code());

        seals.bindOrders(f.orders);
        assertEquals(1, seals.sealDue("catch-up").size());
        assertTrue(seals.check().up());
    }

    /** A sealed 27 November: order 1 (records 1, 2, 5: CREATED, ACCEPTED, NOTE) and order 2 (records 3, 4). */
    private OrderSealComponent sealedDay() {
        f.at("2026-11-27T10:00:00+08:00");
        long one = f.place("k-1");
        f.place("k-2");
        f.note(one, "请放在门卫处");
        f.at("2026-11-27T18:00:10+08:00");
        OrderSealComponent seals = f.seals();
        assertEquals(1, seals.sealDue("schedule").size());
        return seals;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
