package org.wubu.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.catalog.api.market.BestSeller;
import org.wubu.catalog.api.market.CompetitorPrice;
import org.wubu.catalog.api.market.CompetitorPriceDraft;
import org.wubu.catalog.api.market.IsoWeek;
import org.wubu.catalog.api.market.MarketEvents;
import org.wubu.catalog.api.market.MarketWatchService;
import org.wubu.catalog.api.market.PriceGap;
import org.wubu.catalog.api.market.WeeklySummary;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * Market watch on JPA (CAT-8). Competitor prices are its own rows; the weekly summary reads the
 * catalog's sales from the stock ledger (one grouped query over the week, by the ledger's time index)
 * and our prices and titles through the {@link CatalogService}.
 */
@Component(service = MarketWatchService.class)
public class MarketWatchStore implements MarketWatchService {

    private final Transactions tx;
    private final CatalogService catalog;
    private final ShopClock clock;
    private final AuditService audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    @Activate
    public MarketWatchStore(@Reference(target = "(osgi.unit.name=wubu-catalog)") EntityManagerFactory emf,
                            @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.catalog)") SchemaReady schema,
                            @Reference CatalogService catalog, @Reference ShopClock clock, @Reference AuditService audit) {
        this.tx = new Transactions(emf);
        this.catalog = catalog;
        this.clock = clock;
        this.audit = audit;
    }

    // ------------------------------------------------------------------ competitor prices

    @Override
    public CompetitorPrice record(Caller caller, CompetitorPriceDraft d) {
        caller.require(MARKET_EDIT);
        if (d == null) {
            throw new ValidationException("the competitor price is missing", Map.of("record", "missing"));
        }
        Map<String, Object> errors = new LinkedHashMap<>();
        if (d.sku() == null || d.sku().isBlank()) {
            errors.put("sku", "missing");
        }
        required(errors, "competitor", d.competitor(), 200);
        if (d.price() == null) {
            errors.put("price", "missing");
        } else if (!d.price().isPositive()) {
            errors.put("price", "must be more than 0");
        } else if (d.price().amount().precision() - d.price().amount().scale() > 10) {
            errors.put("price", "too large");
        }
        required(errors, "whereSeen", d.whereSeen(), 500);
        if (d.seenAt() == null) {
            errors.put("seenAt", "missing");
        } else if (d.seenAt().isAfter(clock.now().plusSeconds(300))) {
            errors.put("seenAt", "is in the future");
        }
        String note = d.note() == null || d.note().isBlank() ? null : d.note().trim();
        if (note != null && note.length() > 1000) {
            errors.put("note", "longer than 1000 characters");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the competitor price is incomplete: " + describe(errors), errors);
        }
        String sku = d.sku().trim();
        Product product = catalog.find(caller, sku).orElseThrow(() -> new NotFoundException("product", sku));
        if (!product.price().currency().equals(d.price().currency())) {
            throw new ValidationException("price must be in " + product.price().currency().getCurrencyCode() + ", the currency of "
                    + sku, Map.of("price", "must be in " + product.price().currency().getCurrencyCode()));
        }
        LocalDateTime now = Utc.of(clock.now());
        CompetitorPrice stored = tx.write(em -> {
            CompetitorPriceEntity e = new CompetitorPriceEntity(sku, d.competitor().trim(), d.price(), d.whereSeen().trim(),
                    Utc.of(d.seenAt()), note, caller.username(), now);
            em.persist(e);
            em.flush();
            return e.toRecord();
        });
        audit.record(caller, "catalog.market.recorded", "product:" + sku, stored.competitor() + " " + stored.price()
                + " seen " + stored.seenAt() + " at " + stored.whereSeen() + " (our price " + product.price() + "); record " + stored.id());
        EventAdmin ea = eventAdmin;
        if (ea != null) {
            Map<String, Object> props = new HashMap<>();
            props.put(Topics.ACTOR, caller.username());
            props.put(Topics.SUBJECT, "product:" + sku);
            props.put(Topics.TIME, clock.now().toString());
            props.put(MarketEvents.SKU, sku);
            props.put(MarketEvents.COMPETITOR, stored.competitor());
            props.put(MarketEvents.PRICE, stored.price().amount().toPlainString());
            ea.postEvent(new Event(MarketEvents.COMPETITOR_PRICE_RECORDED, props));
        }
        return stored;
    }

    @Override
    public List<CompetitorPrice> records(Caller caller, String sku, Long before, int limit) {
        caller.require(CatalogService.READ);
        if (limit < 1 || limit > MAX_RECORDS) {
            throw new ValidationException("limit must be between 1 and " + MAX_RECORDS + " (got " + limit + ")",
                    Map.of("limit", "out of range"));
        }
        return tx.read(em -> {
            TypedQuery<CompetitorPriceEntity> q = em.createQuery("SELECT c FROM CompetitorPriceEntity c WHERE c.id < :before"
                    + (sku == null ? "" : " AND c.sku = :sku") + " ORDER BY c.id DESC", CompetitorPriceEntity.class)
                    .setParameter("before", before == null ? Long.MAX_VALUE : before);
            if (sku != null) {
                q.setParameter("sku", sku);
            }
            return q.setMaxResults(limit).getResultList().stream().map(CompetitorPriceEntity::toRecord).collect(Collectors.toList());
        });
    }

    // ------------------------------------------------------------------ weekly summary

    @Override
    public WeeklySummary weeklySummary(Caller caller, IsoWeek week, int top) {
        caller.require(CatalogService.READ);
        if (top < 1 || top > MAX_TOP) {
            throw new ValidationException("top must be between 1 and " + MAX_TOP + " (got " + top + ")", Map.of("top", "out of range"));
        }
        ZoneId zone = clock.zone();
        IsoWeek w = week != null ? week : IsoWeek.of(clock.today()).previous();
        Instant from = w.monday().atStartOfDay(zone).toInstant();
        Instant to = w.monday().plusDays(7).atStartOfDay(zone).toInstant();
        Timestamp fromTs = Timestamp.valueOf(Utc.of(from));
        Timestamp toTs = Timestamp.valueOf(Utc.of(to));
        Map<String, Optional<Product>> products = new HashMap<>();

        List<?> sold = tx.read(em -> em.createNativeQuery("SELECT SKU, SUM(QUANTITY) AS SOLD FROM CAT_STOCK_MOVEMENT"
                        + " WHERE KIND = ?1 AND OCCURRED_AT >= ?2 AND OCCURRED_AT < ?3 GROUP BY SKU ORDER BY SOLD DESC, SKU")
                .setParameter(1, StockMovementKind.SALE.name()).setParameter(2, fromTs).setParameter(3, toTs)
                .setMaxResults(top).getResultList());
        List<BestSeller> bestSellers = new ArrayList<>();
        for (Object row : sold) {
            Object[] r = (Object[]) row;
            String sku = (String) r[0];
            Optional<Product> p = products.computeIfAbsent(sku, s -> catalog.find(caller, s));
            bestSellers.add(new BestSeller(bestSellers.size() + 1, sku, p.map(Product::titleZh).orElse(sku),
                    p.map(Product::titleEn).orElse(sku), ((Number) r[1]).longValue()));
        }

        // The latest record per product seen before the week's end (ties on the time: the later record).
        List<CompetitorPrice> latest = tx.read(em -> em.createQuery("SELECT c FROM CompetitorPriceEntity c WHERE c.seenAt < :to"
                        + " AND NOT EXISTS (SELECT d.id FROM CompetitorPriceEntity d WHERE d.sku = c.sku AND d.seenAt < :to"
                        + " AND (d.seenAt > c.seenAt OR (d.seenAt = c.seenAt AND d.id > c.id)))", CompetitorPriceEntity.class)
                .setParameter("to", Utc.of(to)).getResultList().stream().map(CompetitorPriceEntity::toRecord)
                .collect(Collectors.toList()));
        List<PriceGap> gaps = new ArrayList<>();
        for (CompetitorPrice c : latest) {
            Optional<Product> p = products.computeIfAbsent(c.sku(), s -> catalog.find(caller, s));
            if (p.isEmpty() || !p.get().price().currency().equals(c.price().currency())) {
                continue;
            }
            gaps.add(gap(p.get(), c));
        }
        gaps.sort(BIGGEST_GAP_FIRST);

        long records = tx.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM CAT_COMPETITOR_PRICE"
                        + " WHERE SEEN_AT >= ?1 AND SEEN_AT < ?2").setParameter(1, fromTs).setParameter(2, toTs)
                .getSingleResult()).longValue());
        return new WeeklySummary(w, zone, bestSellers, gaps, records, clock.now());
    }

    static PriceGap gap(Product ours, CompetitorPrice theirs) {
        Money gap = ours.price().minus(theirs.price());
        BigDecimal percent = theirs.price().isPositive()
                ? gap.amount().multiply(BigDecimal.valueOf(100)).divide(theirs.price().amount(), 1, RoundingMode.HALF_UP)
                : null;
        return new PriceGap(ours.sku(), ours.titleZh(), ours.titleEn(), ours.price(), theirs, gap, percent);
    }

    /** The largest gap in percent either way first (too dear loses sales, too cheap loses margin); then by amount, SKU. */
    static final Comparator<PriceGap> BIGGEST_GAP_FIRST = Comparator
            .comparing((PriceGap g) -> g.gapPercent() == null ? BigDecimal.valueOf(-1) : g.gapPercent().abs(), Comparator.reverseOrder())
            .thenComparing(g -> g.gap().amount().abs(), Comparator.reverseOrder())
            .thenComparing(PriceGap::sku);

    // ------------------------------------------------------------------ helpers

    private static void required(Map<String, Object> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "missing");
        } else if (value.trim().length() > max) {
            errors.put(field, "longer than " + max + " characters");
        }
    }

    private static String describe(Map<String, Object> errors) {
        return errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
