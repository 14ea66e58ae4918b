package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.wubu.catalog.internal.CatalogFixture.PLANNER;
import static org.wubu.catalog.internal.CatalogFixture.WAREHOUSE;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.StockMovement;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.catalog.api.counts.CountLine;
import org.wubu.catalog.api.counts.CountTask;
import org.wubu.catalog.api.counts.CountTaskStatus;
import org.wubu.catalog.api.counts.StockCountService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.testsupport.MovableClock;
import org.wubu.testsupport.RecordingAudit;

/** Count tasks (CAT-5) on real Derby: generation every 2 days with catch-up, counts that adjust the ledger, completion. */
public class StockCountTest {

    /** The content specialist as the role has it: counting too (CAT-5). */
    private static final Caller SPECIALIST = new Caller("specialist", Set.of("content-specialist"),
            Set.of("catalog.read", "catalog.stock.count"));

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private MovableClock clock;
    private CountTaskStore counts;

    @Before
    public void setUp() {
        clock = new MovableClock(f.now);
        counts = new CountTaskStore(f.emf, new SchemaReady() { }, f.catalog, clock, f.audit());
    }

    private Product product(String sku, String category, ProductStatus status, long stock) {
        return f.catalog.insert(Caller.SYSTEM, new ProductDraft(sku, "商品 " + sku, "Product " + sku, "", "", category,
                Money.cny("10.00")), status, stock);
    }

    private CountTaskGeneration generation(String category) {
        return new CountTaskGeneration(counts, f.catalog, clock, 2, category);
    }

    private List<CountTask> all() {
        return counts.tasks(WAREHOUSE, null, null, StockCountService.MAX_TASKS);
    }

    private static List<String> skus(List<CountLine> lines) {
        return lines.stream().map(CountLine::sku).collect(Collectors.toList());
    }

    @Test
    public void aTaskEveryTwoDaysIdempotentAndOneTaskAfterDowntime() {
        product("TEA-1", "tea/green", ProductStatus.LISTED, 10);
        product("TEA-2", "tea/oolong", ProductStatus.DELISTED, 4);
        product("NEW-0", "tea/green", ProductStatus.DRAFT, 0); // a draft never stocked: nothing to count
        CountTaskGeneration gen = generation("");

        CountTask first = gen.check().orElseThrow();
        assertEquals(LocalDate.of(2026, 11, 27), first.dueDate()); // 10:00 in Shanghai
        assertEquals(CountTaskStatus.OPEN, first.status());
        assertTrue(first.due());
        assertFalse(first.overdue());
        assertEquals(2, first.lines());
        assertNull(first.category());
        assertEquals(List.of("TEA-1", "TEA-2"), skus(counts.lines(WAREHOUSE, first.id())));
        assertEquals("checking again the same day generates nothing", Optional.empty(), gen.check());
        assertEquals("another node's check neither", Optional.empty(), generation("").check());

        clock.advance(Duration.ofDays(1));
        assertEquals(Optional.empty(), gen.check());
        CountTask yesterday = counts.task(WAREHOUSE, first.id());
        assertFalse(yesterday.due());
        assertTrue("open and past its day", yesterday.overdue());

        clock.advance(Duration.ofDays(1));
        CountTask second = gen.check().orElseThrow();
        assertEquals(LocalDate.of(2026, 11, 29), second.dueDate());
        assertTrue(second.due());

        // Down from the 29th to 8 December: one task for the day it comes back, not one per missed date.
        clock.advance(Duration.ofDays(9));
        CountTask caughtUp = gen.check().orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 8), caughtUp.dueDate());
        assertEquals(Optional.empty(), gen.check());
        assertEquals(3, all().size());
        assertEquals(List.of(caughtUp.id(), second.id(), first.id()), all().stream().map(CountTask::id).collect(Collectors.toList()));
        String details = ((RecordingAudit) f.audit()).entries.stream()
                .filter(e -> e.subject().equals("count-task:" + caughtUp.id())).findFirst().orElseThrow().details();
        assertTrue(details, details.endsWith("passed over while down: 2026-12-01, 2026-12-03, 2026-12-05, 2026-12-07"));
    }

    @Test
    public void theDatabaseAllowsOneTaskPerScopeAndDay() {
        Product tea = product("TEA-1", "tea/green", ProductStatus.LISTED, 10);
        LocalDate today = clock.today();
        assertTrue(counts.generate(today, "*", List.of(tea), "").isPresent());
        assertEquals(Optional.empty(), counts.generate(today, "*", List.of(tea), ""));
        assertTrue("another scope is another task", counts.generate(today, "tea", List.of(tea), "").isPresent());
        assertEquals(2, all().size());
    }

    @Test
    public void aCategoryTaskCoversItsSubCategoriesOnly() {
        product("TEA-1", "tea/green", ProductStatus.LISTED, 10);
        product("TEA-2", "tea", ProductStatus.LISTED, 3);
        product("TEAPOT-1", "teapots", ProductStatus.LISTED, 3);
        product("SNK-1", "snacks", ProductStatus.LISTED, 3);
        CountTask task = generation("tea/").check().orElseThrow();
        assertEquals("tea", task.category());
        assertEquals(List.of("TEA-1", "TEA-2"), skus(counts.lines(WAREHOUSE, task.id())));
        assertEquals("nothing in the category: no task", Optional.empty(), generation("toys").check());
    }

    @Test
    public void productsCreatedAfterGenerationJoinTheOpenTasksOnce() {
        product("TEA-1", "tea/green", ProductStatus.LISTED, 10);
        CountTaskGeneration gen = generation("");
        CountTask task = gen.check().orElseThrow();
        product("TEA-2", "tea/green", ProductStatus.LISTED, 5);
        product("NEW-0", "tea/green", ProductStatus.DRAFT, 0);
        assertEquals(1, gen.addNew(List.of("TEA-2", "NEW-0")));
        assertEquals(0, gen.addNew(List.of("TEA-2")));
        assertEquals(List.of("TEA-1", "TEA-2"), skus(counts.lines(WAREHOUSE, task.id())));
        assertEquals(2, counts.task(WAREHOUSE, task.id()).lines());
    }

    @Test
    public void aCountWithADifferenceIsACountAdjustmentInTheLedger() {
        product("TEA-1", "tea/green", ProductStatus.LISTED, 10);
        product("TEA-2", "tea/green", ProductStatus.LISTED, 4);
        product("TEA-3", "tea/green", ProductStatus.LISTED, 7);
        CountTask task = generation("").check().orElseThrow();

        CountLine short2 = counts.enterCount(WAREHOUSE, task.id(), "TEA-1", 8, "two boxes damaged");
        assertEquals(Long.valueOf(8), short2.counted());
        assertEquals(Long.valueOf(10), short2.bookStock());
        assertEquals(Long.valueOf(-2), short2.difference());
        assertEquals("warehouse", short2.countedBy());
        assertNotNull(short2.movementId());
        StockMovement m = f.catalog.movements(WAREHOUSE, "TEA-1", null, 1).get(0);
        assertEquals(short2.movementId().longValue(), m.id());
        assertEquals(StockMovementKind.COUNT_ADJUSTMENT, m.kind());
        assertEquals(-2, m.quantity());
        assertEquals(8, m.stockAfter());
        assertEquals("warehouse", m.who());
        assertEquals("count task " + task.id(), m.why());
        assertEquals(8, f.catalog.product(WAREHOUSE, "TEA-1").stock());

        // The same count entered again (a retry, a second counter): the stock already matches, nothing moves.
        CountLine again = counts.enterCount(WAREHOUSE, task.id(), "TEA-1", 8, null);
        assertEquals(Long.valueOf(0), again.difference());
        assertEquals(short2.movementId(), again.movementId());
        assertEquals(m.id(), f.catalog.movements(WAREHOUSE, "TEA-1", null, 1).get(0).id());

        CountLine matching = counts.enterCount(SPECIALIST, task.id(), "TEA-2", 4, null);
        assertEquals(Long.valueOf(0), matching.difference());
        assertNull("no difference, no movement", matching.movementId());
        assertEquals(1, f.catalog.movements(WAREHOUSE, "TEA-2", null, 10).size()); // the opening receipt only

        CountTask partly = counts.task(WAREHOUSE, task.id());
        assertEquals(3, partly.lines());
        assertEquals(2, partly.counted());
        assertEquals(1, partly.adjusted());
        assertEquals(1, partly.open());

        WubuException unsettled = assertThrows(WubuException.class, () -> counts.complete(WAREHOUSE, task.id()));
        assertEquals(StockCountService.NOT_SETTLED, unsettled.code());
        assertTrue(unsettled.getMessage(), unsettled.getMessage().contains("TEA-3"));

        CountLine skipped = counts.markNotCounted(WAREHOUSE, task.id(), "TEA-3", "shelf blocked by a delivery");
        assertEquals("shelf blocked by a delivery", skipped.notCountedReason());
        assertThrows(ValidationException.class, () -> counts.markNotCounted(WAREHOUSE, task.id(), "TEA-1", "too late"));

        CountTask done = counts.complete(WAREHOUSE, task.id());
        assertEquals(CountTaskStatus.DONE, done.status());
        assertEquals("warehouse", done.completedBy());
        assertFalse(done.due());
        assertEquals(1, done.notCounted());

        WubuException closed = assertThrows(WubuException.class, () -> counts.enterCount(WAREHOUSE, task.id(), "TEA-3", 7, null));
        assertEquals(StockCountService.TASK_DONE, closed.code());
        assertEquals(StockCountService.TASK_DONE,
                assertThrows(WubuException.class, () -> counts.complete(WAREHOUSE, task.id())).code());

        String subject = "count-task:" + task.id();
        assertEquals(List.of("system catalog.count.generated", "warehouse catalog.count.entered", "warehouse catalog.count.entered",
                "specialist catalog.count.entered", "warehouse catalog.count.not-counted", "warehouse catalog.count.completed"),
                ((RecordingAudit) f.audit()).actions(subject));
        assertEquals(List.of(done.id()), counts.tasks(WAREHOUSE, CountTaskStatus.DONE, null, 10).stream().map(CountTask::id)
                .collect(Collectors.toList()));
        assertEquals(List.of(), counts.tasks(WAREHOUSE, CountTaskStatus.OPEN, null, 10));
    }

    @Test
    public void countingNeedsThePermissionAValidCountAndALineOfTheTask() {
        product("TEA-1", "tea/green", ProductStatus.LISTED, 10);
        product("SNK-1", "snacks", ProductStatus.LISTED, 10);
        CountTask task = generation("tea").check().orElseThrow();
        assertThrows(PermissionDeniedException.class, () -> counts.enterCount(PLANNER, task.id(), "TEA-1", 9, null));
        assertThrows(PermissionDeniedException.class, () -> counts.complete(PLANNER, task.id()));
        ValidationException negative = assertThrows(ValidationException.class,
                () -> counts.enterCount(WAREHOUSE, task.id(), "TEA-1", -1, null));
        assertTrue(negative.details().containsKey("counted"));
        ValidationException noReason = assertThrows(ValidationException.class,
                () -> counts.markNotCounted(WAREHOUSE, task.id(), "TEA-1", " "));
        assertTrue(noReason.details().containsKey("notCounted"));
        assertThrows("not on this task", NotFoundException.class, () -> counts.enterCount(WAREHOUSE, task.id(), "SNK-1", 9, null));
        assertThrows(NotFoundException.class, () -> counts.enterCount(WAREHOUSE, 999, "TEA-1", 9, null));
        assertThrows(NotFoundException.class, () -> counts.task(WAREHOUSE, 999));
        assertEquals("nothing was adjusted", 10, f.catalog.product(WAREHOUSE, "TEA-1").stock());
    }

    @Test
    public void theNextCheckIsJustAfterMidnightInTheShopOrSooner() {
        // 10:00 in Shanghai: 14 h and 5 s to the next midnight.
        assertEquals(Duration.ofMinutes(60), CountTaskSchedule.nextCheckDelay(clock, Duration.ofMinutes(60)));
        assertEquals(Duration.ofHours(14).plusSeconds(5), CountTaskSchedule.nextCheckDelay(clock, Duration.ofDays(1)));
    }
}
