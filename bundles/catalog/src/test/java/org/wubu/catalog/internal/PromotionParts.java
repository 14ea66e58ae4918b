package org.wubu.catalog.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.PromotionDraft;
import org.wubu.catalog.api.PromotionKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;

/**
 * The promotion components on top of a {@link CatalogFixture} (same database, clock, audit log and
 * one-step approval engine), the roles as the demo grants them, and an EventAdmin that remembers topics.
 */
final class PromotionParts {

    static final Caller PLANNER = new Caller("planner", Set.of("planner"), Set.of("catalog.read", "catalog.price.propose",
            "catalog.listing.propose", "catalog.promotion.propose"));
    static final Caller SPECIALIST = new Caller("specialist", Set.of("content-specialist"), Set.of("catalog.read",
            "catalog.product.edit", "catalog.price.apply", "catalog.promotion.apply"));

    static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant DEC_8 = Instant.parse("2026-12-08T00:00:00Z");

    final CatalogFixture f;
    final PromotionStore promotions;
    final OfferLookup lookup;
    final StockReservationStore reservations;
    /** Topics posted by the promotion and reservation components, in order. */
    final List<String> topics = new CopyOnWriteArrayList<>();

    PromotionParts(CatalogFixture f) {
        this.f = f;
        EventAdmin events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                topics.add(event.getTopic());
            }

            @Override
            public void sendEvent(Event event) {
                topics.add(event.getTopic());
            }
        };
        promotions = new PromotionStore(f.catalog, f.clock(), f.audit(), f.approvals);
        promotions.eventAdmin = events;
        f.approvals.handlers.put(PromotionHandler.KIND.id(), new PromotionHandler(promotions, f.clock()));
        lookup = new OfferLookup(f.catalog, f.clock());
        reservations = new StockReservationStore(f.catalog, f.clock());
        f.catalog.eventAdmin = events; // reservations announce through the catalog store
    }

    void product(String sku, String category, String price, long stock) {
        f.catalog.insert(Caller.SYSTEM, new ProductDraft(sku, "商品 " + sku, "Product " + sku, "", "", category, Money.cny(price)),
                ProductStatus.LISTED, stock);
    }

    static PromotionDraft percent(String name, int off, List<String> skus, List<String> categories, Instant from, Instant to) {
        return new PromotionDraft(name + "（中文）", name, PromotionKind.PERCENT, off, null, skus, categories, from, to);
    }

    static PromotionDraft fixed(String name, String price, List<String> skus, List<String> categories, Instant from, Instant to) {
        return new PromotionDraft(name + "（中文）", name, PromotionKind.FIXED_PRICE, null, Money.cny(price), skus, categories, from, to);
    }

    static Map<String, Object> firstConflict(org.wubu.platform.api.WubuException e) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> conflicts = (List<Map<String, Object>>) e.details().get("conflicts");
        return conflicts.get(0);
    }
}
