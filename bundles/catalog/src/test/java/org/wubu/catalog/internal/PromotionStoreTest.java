package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.wubu.catalog.internal.CatalogFixture.DESIGNER;
import static org.wubu.catalog.internal.CatalogFixture.DIRECTOR;
import static org.wubu.catalog.internal.PromotionParts.DEC_1;
import static org.wubu.catalog.internal.PromotionParts.DEC_8;
import static org.wubu.catalog.internal.PromotionParts.PLANNER;
import static org.wubu.catalog.internal.PromotionParts.SPECIALIST;
import static org.wubu.catalog.internal.PromotionParts.fixed;
import static org.wubu.catalog.internal.PromotionParts.percent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.approvals.api.Decision;
import org.wubu.catalog.api.CatalogEvents;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Offer;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.Promotion;
import org.wubu.catalog.api.PromotionDraft;
import org.wubu.catalog.api.PromotionKind;
import org.wubu.catalog.api.PromotionQuery;
import org.wubu.catalog.api.PromotionService;
import org.wubu.catalog.api.PromotionStatus;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;

public class PromotionStoreTest {

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private PromotionParts p;

    @Before
    public void setUp() {
        p = new PromotionParts(f);
        p.product("TEA-1", "tea/green", "100.00", 20);
        p.product("TEA-2", "tea/black", "80.00", 20);
        p.product("CUP-1", "teaware/cups", "30.00", 20);
    }

    private Promotion approve(Promotion proposed) {
        f.approvals.decide(DIRECTOR, proposed.approvalId(), Decision.APPROVE, "ok");
        return p.promotions.find(PLANNER, proposed.id()).orElseThrow();
    }

    private Promotion active(PromotionDraft d) {
        return p.promotions.apply(SPECIALIST, approve(p.promotions.propose(PLANNER, d)).id());
    }

    private Offer offer(String sku, Instant at) {
        return p.lookup.offer(PLANNER, sku, at).orElseThrow();
    }

    @Test
    public void thePlannerProposesTheDirectorApprovesAndPricesChangeOnlyWhenTheSpecialistApplies() {
        Promotion proposed = p.promotions.propose(PLANNER, percent("Green tea week", 20, List.of("CUP-1"), List.of("/tea/green/"),
                DEC_1, DEC_8));
        assertEquals(PromotionStatus.PENDING, proposed.status());
        assertEquals(List.of("tea/green"), proposed.categories());
        assertNotNull(proposed.approvalId());
        assertEquals(PromotionService.KIND, f.approvals.get(DIRECTOR, proposed.approvalId()).kind());
        assertTrue(f.audited.contains("catalog.promotion.proposed promotion:" + proposed.id()));
        assertTrue(f.approvals.render(DIRECTOR, proposed.approvalId(), java.util.Locale.ENGLISH).orElseThrow().contains("20% off"));

        WubuException own = assertThrows(WubuException.class,
                () -> f.approvals.decide(PLANNER, proposed.approvalId(), Decision.APPROVE, "mine"));
        assertEquals(ApprovalService.OWN_REQUEST, own.code());
        WubuException early = assertThrows(WubuException.class, () -> p.promotions.apply(SPECIALIST, proposed.id()));
        assertEquals(CatalogService.NOT_APPROVED, early.code());

        Promotion approved = approve(proposed);
        assertEquals(PromotionStatus.APPROVED_AWAITING_APPLY, approved.status());
        Instant during = Instant.parse("2026-12-02T10:00:00Z");
        assertEquals("approved, not applied: the price stays", Money.cny("100.00"), offer("TEA-1", during).effectivePrice());
        assertNull(offer("TEA-1", during).promotionId());

        assertThrows(PermissionDeniedException.class, () -> p.promotions.apply(PLANNER, proposed.id()));
        Promotion applied = p.promotions.apply(SPECIALIST, proposed.id());
        assertEquals(PromotionStatus.ACTIVE, applied.status());
        assertEquals("specialist", applied.appliedBy());
        assertTrue(applied.inEffectAt(during));

        Offer tea = offer("TEA-1", during);
        assertEquals(Money.cny("100.00"), tea.listPrice());
        assertEquals(Money.cny("80.00"), tea.effectivePrice());
        assertEquals(Long.valueOf(proposed.id()), tea.promotionId());
        assertTrue(tea.listed());
        assertEquals(20, tea.stockAvailable());
        assertEquals(Money.cny("24.00"), offer("CUP-1", during).effectivePrice());
        assertEquals("another category", Money.cny("80.00"), offer("TEA-2", during).effectivePrice());
        assertNull(offer("TEA-2", during).promotionId());
        assertEquals("before the start", Money.cny("100.00"), offer("TEA-1", DEC_1.minusMillis(1)).effectivePrice());
        assertEquals("at the start", Money.cny("80.00"), offer("TEA-1", DEC_1).effectivePrice());
        assertEquals("the end is exclusive", Money.cny("100.00"), offer("TEA-1", DEC_8).effectivePrice());
        assertEquals("now (before the window)", Money.cny("100.00"), offer("TEA-1", null).effectivePrice());

        WubuException twice = assertThrows(WubuException.class, () -> p.promotions.apply(SPECIALIST, proposed.id()));
        assertEquals(CatalogService.NOT_APPROVED, twice.code());
        assertEquals(List.of("planner catalog.promotion.proposed", "approval:" + proposed.approvalId() + " catalog.promotion.approved",
                "specialist catalog.promotion.applied"), auditOf(proposed.id()));
        assertEquals(List.of(CatalogEvents.PROMOTION_PROPOSED, CatalogEvents.PROMOTION_APPROVED, CatalogEvents.PROMOTION_APPLIED),
                p.topics.stream().filter(t -> t.contains("/PROMOTION_")).collect(Collectors.toList()));

        assertEquals(List.of(proposed.id()), ids(new PromotionQuery(PromotionStatus.ACTIVE, null, null, 50)));
        assertEquals(List.of(proposed.id()), ids(new PromotionQuery(null, "TEA-1", null, 50)));
        assertEquals(List.of(proposed.id()), ids(new PromotionQuery(null, "CUP-1", null, 50)));
        assertEquals(List.of(), ids(new PromotionQuery(null, "TEA-2", null, 50)));
        assertEquals(List.of(), ids(new PromotionQuery(PromotionStatus.PENDING, null, null, 50)));
    }

    private List<String> auditOf(long id) {
        return ((org.wubu.testsupport.RecordingAudit) f.audit()).actions("promotion:" + id);
    }

    private List<Long> ids(PromotionQuery q) {
        return p.promotions.list(PLANNER, q).items().stream().map(Promotion::id).collect(Collectors.toList());
    }

    @Test
    public void anOverlapIsRefusedNamingTheOtherPromotionAndTheProducts() {
        Promotion a = p.promotions.propose(PLANNER, percent("Longjing days", 10, List.of("TEA-1"), List.of(), DEC_1, DEC_8));
        Instant dec5 = Instant.parse("2026-12-05T00:00:00Z");
        Instant dec12 = Instant.parse("2026-12-12T00:00:00Z");
        WubuException overlap = assertThrows(WubuException.class,
                () -> p.promotions.propose(PLANNER, fixed("All tea", "70.00", List.of(), List.of("tea"), dec5, dec12)));
        assertEquals(PromotionService.OVERLAP, overlap.code());
        assertTrue(overlap.getMessage(), overlap.getMessage().contains("promotion " + a.id() + " \"Longjing days（中文） / Longjing days\"")
                && overlap.getMessage().contains("on TEA-1"));
        Map<String, Object> conflict = PromotionParts.firstConflict(overlap);
        assertEquals(a.id(), conflict.get("id"));
        assertEquals(List.of("TEA-1"), conflict.get("products"));

        // Back to back is no overlap: the end is exclusive.
        Instant dec15 = Instant.parse("2026-12-15T00:00:00Z");
        Promotion c = p.promotions.propose(PLANNER, percent("All tea", 15, List.of(), List.of("tea"), DEC_8, dec15));
        WubuException nested = assertThrows(WubuException.class, () -> p.promotions.propose(PLANNER,
                percent("Black tea", 5, List.of(), List.of("tea/black"), Instant.parse("2026-12-10T00:00:00Z"), dec12)));
        assertEquals(PromotionService.OVERLAP, nested.code());
        Map<String, Object> second = PromotionParts.firstConflict(nested);
        assertEquals(c.id(), second.get("id"));
        assertEquals(List.of("TEA-2"), second.get("products"));
        assertEquals(List.of("tea/black ~ tea"), second.get("categories"));

        // A rejected promotion no longer blocks.
        f.approvals.decide(DIRECTOR, c.approvalId(), Decision.REJECT, "budget");
        p.promotions.markRejected(c.approvalId());
        assertEquals(PromotionStatus.REJECTED, p.promotions.find(PLANNER, c.id()).orElseThrow().status());
        assertTrue(p.topics.contains(CatalogEvents.PROMOTION_REJECTED));
        Promotion black = p.promotions.propose(PLANNER, percent("Black tea", 5, List.of(), List.of("tea/black"),
                Instant.parse("2026-12-10T00:00:00Z"), dec12));
        assertEquals(PromotionStatus.PENDING, black.status());
        assertEquals(List.of(black.id(), c.id(), a.id()), ids(new PromotionQuery(null, null, null, 50)));
        assertEquals(List.of(black.id(), a.id()), ids(new PromotionQuery(PromotionStatus.PENDING, null, null, 50)));
        assertEquals(List.of(c.id()), ids(new PromotionQuery(PromotionStatus.REJECTED, null, null, 50)));
        var page = p.promotions.list(PLANNER, new PromotionQuery(null, null, null, 2));
        assertEquals(Long.valueOf(c.id()), page.nextBefore());
        assertEquals(List.of(a.id()), ids(new PromotionQuery(null, null, page.nextBefore(), 2)));
    }

    @Test
    public void validationNamesEveryBadFieldAndPermissionsComeFirst() {
        assertThrows(PermissionDeniedException.class, () -> p.promotions.propose(DESIGNER, null));
        ValidationException empty = assertThrows(ValidationException.class, () -> p.promotions.propose(PLANNER,
                new PromotionDraft(" ", null, null, null, null, null, null, null, null)));
        assertEquals(Set.of("nameZh", "nameEn", "kind", "targets", "startAt", "endAt"), empty.details().keySet());

        ValidationException bad = assertThrows(ValidationException.class, () -> p.promotions.propose(PLANNER,
                percent("x", 100, List.of("TEA-1"), List.of(), DEC_8, DEC_1)));
        assertEquals(Set.of("percentOff", "endAt"), bad.details().keySet());
        ValidationException past = assertThrows(ValidationException.class, () -> p.promotions.propose(PLANNER,
                percent("x", 10, List.of("TEA-1"), List.of(), f.now.get().minus(2, ChronoUnit.DAYS), f.now.get().minusSeconds(1))));
        assertEquals("is in the past", past.details().get("endAt"));
        ValidationException unknown = assertThrows(ValidationException.class, () -> p.promotions.propose(PLANNER,
                percent("x", 10, List.of("TEA-1", "NOPE-1"), List.of("nothing/here"), DEC_1, DEC_8)));
        assertEquals("unknown: NOPE-1", unknown.details().get("skus"));
        ValidationException nothing = assertThrows(ValidationException.class, () -> p.promotions.propose(PLANNER,
                percent("x", 10, List.of(), List.of("nothing/here"), DEC_1, DEC_8)));
        assertTrue(nothing.details().containsKey("targets"));
        ValidationException notBelow = assertThrows(ValidationException.class, () -> p.promotions.propose(PLANNER,
                fixed("x", "90.00", List.of(), List.of("tea"), DEC_1, DEC_8)));
        assertEquals("90.00 CNY is not below the list price of TEA-2 (80.00 CNY)", notBelow.details().get("fixedPrice"));
        ValidationException mixed = assertThrows(ValidationException.class, () -> p.promotions.propose(PLANNER,
                new PromotionDraft("x", "x", PromotionKind.PERCENT, 10, Money.cny("1.00"), List.of("TEA-1"), List.of(), DEC_1, DEC_8)));
        assertEquals(Set.of("fixedPrice"), mixed.details().keySet());
        List<String> many = IntStream.range(0, PromotionService.MAX_SKUS + 1).mapToObj(i -> "S-" + i).collect(Collectors.toList());
        ValidationException tooMany = assertThrows(ValidationException.class, () -> p.promotions.propose(PLANNER,
                percent("x", 10, many, List.of(), DEC_1, DEC_8)));
        assertTrue(tooMany.details().containsKey("skus"));
        assertEquals("nothing was stored", 0, p.promotions.list(PLANNER, new PromotionQuery(null, null, null, 50)).items().size());
    }

    @Test
    public void applyingRefusesAnOverlapThatAppearedAfterTheProposal() {
        Promotion cups = approve(p.promotions.propose(PLANNER, percent("Cups", 10, List.of("CUP-1"), List.of(), DEC_1, DEC_8)));
        Promotion tea = active(percent("Tea", 20, List.of(), List.of("tea"), DEC_1, DEC_8));
        Product cup = f.catalog.find(SPECIALIST, "CUP-1").orElseThrow();
        f.catalog.edit(SPECIALIST, "CUP-1", new ProductDraft("CUP-1", cup.titleZh(), cup.titleEn(), "", "", "tea/cups", null),
                cup.version());
        WubuException overlap = assertThrows(WubuException.class, () -> p.promotions.apply(SPECIALIST, cups.id()));
        assertEquals(PromotionService.OVERLAP, overlap.code());
        assertEquals(tea.id(), PromotionParts.firstConflict(overlap).get("id"));
        assertEquals(List.of("CUP-1"), PromotionParts.firstConflict(overlap).get("products"));
        assertEquals(PromotionStatus.APPROVED_AWAITING_APPLY, p.promotions.find(PLANNER, cups.id()).orElseThrow().status());
    }

    @Test
    public void aPromotionIsWithdrawnOrStoppedWithAReason() {
        Promotion pending = p.promotions.propose(PLANNER, percent("Cups", 10, List.of("CUP-1"), List.of(), DEC_1, DEC_8));
        ValidationException noReason = assertThrows(ValidationException.class, () -> p.promotions.cancel(PLANNER, pending.id(), " "));
        assertEquals(Set.of("reason"), noReason.details().keySet());
        assertThrows(PermissionDeniedException.class, () -> p.promotions.cancel(DESIGNER, pending.id(), "no"));
        Promotion withdrawn = p.promotions.cancel(PLANNER, pending.id(), "supplier price went up");
        assertEquals(PromotionStatus.CANCELLED, withdrawn.status());
        assertEquals("supplier price went up", withdrawn.cancelReason());
        // The director approves the request later: the withdrawn promotion stays withdrawn.
        f.approvals.decide(DIRECTOR, pending.approvalId(), Decision.APPROVE, "ok");
        assertEquals(PromotionStatus.CANCELLED, p.promotions.find(PLANNER, pending.id()).orElseThrow().status());
        WubuException again = assertThrows(WubuException.class, () -> p.promotions.cancel(PLANNER, pending.id(), "again"));
        assertEquals(PromotionService.CLOSED, again.code());

        // A cancelled promotion no longer blocks an overlapping one; stopping an applied one is the specialist's step.
        Promotion running = active(percent("Cups again", 50, List.of("CUP-1"), List.of(), DEC_1, DEC_8));
        Instant during = Instant.parse("2026-12-02T00:00:00Z");
        assertEquals(Money.cny("15.00"), offer("CUP-1", during).effectivePrice());
        assertThrows(PermissionDeniedException.class, () -> p.promotions.cancel(PLANNER, running.id(), "stop"));
        Promotion stopped = p.promotions.cancel(SPECIALIST, running.id(), "wrong discount");
        assertEquals(PromotionStatus.CANCELLED, stopped.status());
        assertEquals("specialist", stopped.cancelledBy());
        assertEquals(Money.cny("30.00"), offer("CUP-1", during).effectivePrice());
        assertTrue(p.topics.contains(CatalogEvents.PROMOTION_CANCELLED));
        assertTrue(f.audited.contains("catalog.promotion.cancelled promotion:" + running.id()));
    }

    @Test
    public void endedIsDerivedFromTime() {
        Promotion done = active(fixed("Green", "88.00", List.of(), List.of("tea/green"), DEC_1, DEC_8));
        Promotion waiting = approve(p.promotions.propose(PLANNER, percent("Black", 10, List.of("TEA-2"), List.of(), DEC_1, DEC_8)));
        assertEquals(Money.cny("88.00"), offer("TEA-1", Instant.parse("2026-12-03T00:00:00Z")).effectivePrice());
        f.now.set(DEC_8.plusSeconds(60));
        assertEquals(PromotionStatus.ENDED, p.promotions.find(PLANNER, done.id()).orElseThrow().status());
        assertEquals(List.of(waiting.id(), done.id()), ids(new PromotionQuery(PromotionStatus.ENDED, null, null, 50)));
        assertEquals(List.of(), ids(new PromotionQuery(PromotionStatus.ACTIVE, null, null, 50)));
        WubuException late = assertThrows(WubuException.class, () -> p.promotions.apply(SPECIALIST, waiting.id()));
        assertEquals(PromotionService.CLOSED, late.code());
        assertTrue(late.getMessage(), late.getMessage().contains("window ended"));
        assertEquals("a past time still sees the promotion", Money.cny("88.00"),
                offer("TEA-1", Instant.parse("2026-12-03T00:00:00Z")).effectivePrice());
        assertEquals(Money.cny("100.00"), offer("TEA-1", null).effectivePrice());
    }

    @Test
    public void offersForManySkusComeInTheOrderAskedAndLeaveUnknownOnesOut() {
        active(percent("Tea", 25, List.of(), List.of("tea"), DEC_1, DEC_8));
        Instant during = Instant.parse("2026-12-02T00:00:00Z");
        Map<String, Offer> offers = p.lookup.offers(PLANNER, List.of("TEA-2", "NOPE", " TEA-1 ", "CUP-1", "TEA-2"), during);
        assertEquals(List.of("TEA-2", "TEA-1", "CUP-1"), new ArrayList<>(offers.keySet()));
        assertEquals(Money.cny("60.00"), offers.get("TEA-2").effectivePrice());
        assertEquals(Money.cny("75.00"), offers.get("TEA-1").effectivePrice());
        assertEquals(Money.cny("30.00"), offers.get("CUP-1").effectivePrice());
        assertFalse(p.lookup.offer(PLANNER, "NOPE", during).isPresent());
        assertThrows(PermissionDeniedException.class, () -> p.lookup.offers(new Caller("x", Set.of(), Set.of()), List.of("TEA-1"), null));
        List<String> tooMany = IntStream.range(0, 501).mapToObj(i -> "S-" + i).collect(Collectors.toList());
        assertThrows(ValidationException.class, () -> p.lookup.offers(PLANNER, tooMany, null));
        List<String> many = IntStream.range(0, 500).mapToObj(i -> "S-" + i).collect(Collectors.toList());
        assertEquals(0, p.lookup.offers(PLANNER, many, null).size());
    }
}
