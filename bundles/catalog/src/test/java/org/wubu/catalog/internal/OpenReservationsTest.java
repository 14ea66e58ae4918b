package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.wubu.catalog.internal.CatalogFixture.ORDERS;
import static org.wubu.catalog.internal.CatalogFixture.WAREHOUSE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.catalog.api.OpenReservation;
import org.wubu.catalog.api.OpenReservationQuery;
import org.wubu.catalog.api.StockLine;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.catalog.api.StockReservations;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;

/** What references still hold (issue 6, "nothing lost"), kept with every movement, on real Derby. */
public class OpenReservationsTest {

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private PromotionParts p;
    private Instant start;

    @Before
    public void setUp() {
        p = new PromotionParts(f);
        p.product("TEA-1", "tea/green", "100.00", 10);
        p.product("CUP-1", "teaware/cups", "30.00", 5);
        start = f.now.get();
    }

    private List<String> open(String prefix) {
        return p.reservations.open(ORDERS, prefix, f.now.get().plusSeconds(1), StockReservations.MAX_OPEN).stream()
                .map(r -> r.reference() + " " + r.sku() + " " + r.quantity()).collect(Collectors.toList());
    }

    private void later(Duration d) {
        f.now.set(f.now.get().plus(d));
    }

    @Test
    public void reservationsAddReleasesAndCommitsTakeAwayUntilNothingIsLeft() {
        p.reservations.reserveAll(ORDERS, "order:1", List.of(new StockLine("TEA-1", 3), new StockLine("CUP-1", 2)));
        p.reservations.reserveAll(ORDERS, "order:2", List.of(new StockLine("TEA-1", 1)));
        assertEquals(List.of("order:1 CUP-1 2", "order:1 TEA-1 3", "order:2 TEA-1 1"), open("order:"));

        p.reservations.releaseAll(ORDERS, "order:1", List.of(new StockLine("TEA-1", 1)));
        p.reservations.commitAll(ORDERS, "order:1", List.of(new StockLine("CUP-1", 2)));
        assertEquals("a commit settles the pair, a partial release leaves the rest",
                List.of("order:1 TEA-1 2", "order:2 TEA-1 1"), open("order:"));

        // The single-line calls of CatalogService are the same ledger.
        f.catalog.reserve(ORDERS, "CUP-1", 1, "order:3");
        f.catalog.release(ORDERS, "TEA-1", 2, "order:1");
        assertEquals(List.of("order:2 TEA-1 1", "order:3 CUP-1 1"), open("order:"));

        // A direct sale or a receipt never touches a reservation.
        f.catalog.recordMovement(WAREHOUSE, "TEA-1", StockMovementKind.SALE, 1, "order:2");
        f.catalog.recordMovement(WAREHOUSE, "TEA-1", StockMovementKind.RECEIPT, 4, "order:9");
        assertEquals(List.of("order:2 TEA-1 1", "order:3 CUP-1 1"), open("order:"));
    }

    @Test
    public void onlyThePrefixTakenLiterallyAndOnlyOldEnough() {
        p.reservations.reserveAll(ORDERS, "order:1", List.of(new StockLine("TEA-1", 1)));
        p.reservations.reserveAll(ORDERS, "orders_x", List.of(new StockLine("TEA-1", 1)));
        p.reservations.reserveAll(ORDERS, "manual 7", List.of(new StockLine("CUP-1", 1)));
        later(Duration.ofMinutes(30));
        p.reservations.reserveAll(ORDERS, "order:2", List.of(new StockLine("CUP-1", 1)));

        assertEquals(List.of("order:1 TEA-1 1", "order:2 CUP-1 1"), open("order:"));
        assertEquals("_ is no wildcard", List.of("orders_x TEA-1 1"), open("orders_"));
        assertEquals(List.of(), open("order%"));

        Instant tenMinutesAgo = f.now.get().minus(Duration.ofMinutes(10));
        List<OpenReservation> old = p.reservations.open(ORDERS, "order:", tenMinutesAgo, 100);
        assertEquals(1, old.size());
        assertEquals("order:1", old.get(0).reference());
        assertEquals(start, old.get(0).reservedAt());

        // Reserving again under the same pair makes it young again: it is in use.
        p.reservations.reserveAll(ORDERS, "order:1", List.of(new StockLine("TEA-1", 2)));
        assertEquals(List.of(), p.reservations.open(ORDERS, "order:", tenMinutesAgo, 100));
        assertEquals(List.of("order:1 TEA-1 3", "order:2 CUP-1 1"), open("order:"));

        // A window from a time on.
        List<OpenReservation> recent = p.reservations.open(ORDERS, new OpenReservationQuery("order:",
                f.now.get().minusSeconds(1), f.now.get().plusSeconds(1), 0, 100));
        assertEquals(List.of("order:1", "order:2"), recent.stream().map(OpenReservation::reference).collect(Collectors.toList()));
    }

    @Test
    public void pagesByIdWithoutLosingOne() {
        for (int i = 1; i <= 7; i++) {
            p.reservations.reserveAll(ORDERS, "order:" + i, List.of(new StockLine("TEA-1", 1)));
        }
        OpenReservationQuery q = OpenReservationQuery.olderThan("order:", f.now.get().plusSeconds(1), 3);
        List<String> seen = new ArrayList<>();
        for (List<OpenReservation> page = p.reservations.open(ORDERS, q); !page.isEmpty();
             page = p.reservations.open(ORDERS, q = q.after(page.get(page.size() - 1).id()))) {
            assertTrue(page.size() <= 3);
            page.forEach(r -> seen.add(r.reference()));
        }
        assertEquals(List.of("order:1", "order:2", "order:3", "order:4", "order:5", "order:6", "order:7"), seen);
    }

    @Test
    public void needsTheReservePermissionAndNamesBadFields() {
        assertThrows(PermissionDeniedException.class, () -> p.reservations.open(WAREHOUSE, "order:", f.now.get(), 10));
        ValidationException bad = assertThrows(ValidationException.class, () -> p.reservations.open(ORDERS,
                new OpenReservationQuery(" ", null, null, 0, 0)));
        assertEquals(Set.of("referencePrefix", "olderThan", "limit"), bad.details().keySet());
        assertThrows(ValidationException.class, () -> p.reservations.open(ORDERS, "order:", f.now.get(), StockReservations.MAX_OPEN + 1));
    }

    @Test
    public void aLongReferenceInChineseFitsTheKey() {
        String reference = "订单".repeat(StockReservationStore.MAX_REFERENCE / 2);
        p.reservations.reserveAll(ORDERS, reference, List.of(new StockLine("TEA-1", 1)));
        assertEquals(List.of(reference + " TEA-1 1"), open("订单"));
        p.reservations.releaseAll(ORDERS, reference, List.of(new StockLine("TEA-1", 1)));
        assertEquals(List.of(), open("订单"));
    }

    /** V6 fills the table from the ledger written before it: what the running code would have kept. */
    @Test
    public void theMigrationFillsTheTableFromTheOlderLedger() throws Exception {
        p.reservations.reserveAll(ORDERS, "order:1", List.of(new StockLine("TEA-1", 3), new StockLine("CUP-1", 2)));
        p.reservations.releaseAll(ORDERS, "order:1", List.of(new StockLine("TEA-1", 1)));
        p.reservations.commitAll(ORDERS, "order:1", List.of(new StockLine("CUP-1", 2)));
        later(Duration.ofMinutes(5));
        f.catalog.reserve(ORDERS, "TEA-1", 2, "order:2");
        f.catalog.release(ORDERS, "TEA-1", 2, "order:2");
        f.catalog.reserve(ORDERS, "CUP-1", 1, "order:3");
        f.catalog.recordMovement(WAREHOUSE, "CUP-1", StockMovementKind.SALE, 1, "order:3");
        List<OpenReservation> kept = p.reservations.open(ORDERS, "order:", f.now.get().plusSeconds(1), 100);

        String script = Files.readString(Path.of("src/main/resources/db/migration/V6__open_reservations.sql"),
                StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
        String fill = script.substring(script.indexOf("INSERT INTO CAT_OPEN_RESERVATION")).replace(";", "").trim();
        try (Connection c = f.ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM CAT_OPEN_RESERVATION");
            assertEquals(2, s.executeUpdate(fill));
        }
        List<OpenReservation> filled = p.reservations.open(ORDERS, "order:", f.now.get().plusSeconds(1), 100);
        assertEquals(describe(kept), describe(filled));
        assertEquals(List.of("order:1 TEA-1 2 " + start, "order:3 CUP-1 1 " + f.now.get()), describe(filled));
    }

    private static List<String> describe(List<OpenReservation> rs) {
        return rs.stream().map(r -> r.reference() + " " + r.sku() + " " + r.quantity() + " " + r.reservedAt()).sorted()
                .collect(Collectors.toList());
    }
}
