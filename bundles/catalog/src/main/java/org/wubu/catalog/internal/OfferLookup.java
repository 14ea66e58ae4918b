package org.wubu.catalog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.catalog.api.CatalogLookup;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Offer;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.PromotionKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;

/**
 * Offers for other areas: one query for the products asked for, one for the promotions in effect on
 * them (matched by SKU or by a prefix of their category), then the price rules of
 * {@link PromotionPricing}. Should two promotions ever cover one product at once (a product moved into
 * a promoted category after both were applied), the lower price wins, then the older promotion.
 */
@Component(service = CatalogLookup.class)
public class OfferLookup implements CatalogLookup {

    private final CatalogStore catalog;
    private final ShopClock clock;

    @Activate
    public OfferLookup(@Reference CatalogStore catalog, @Reference ShopClock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public Optional<Offer> offer(Caller caller, String sku, Instant at) {
        if (sku == null || sku.isBlank()) {
            caller.require(CatalogService.READ);
            return Optional.empty();
        }
        return Optional.ofNullable(offers(caller, List.of(sku), at).get(sku.trim()));
    }

    /** A promotion in effect, reduced to what pricing needs, and one of its targets. */
    private record Rule(long id, PromotionKind kind, Integer percentOff, Money fixedPrice, String targetKind, String target) {
    }

    @Override
    public Map<String, Offer> offers(Caller caller, Collection<String> skus, Instant at) {
        caller.require(CatalogService.READ);
        if (skus == null) {
            throw new ValidationException("skus are required", Map.of("skus", "missing"));
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String s : skus) {
            if (s != null && !s.isBlank()) {
                wanted.add(s.trim());
            }
        }
        if (wanted.size() > MAX_SKUS) {
            throw new ValidationException("at most " + MAX_SKUS + " SKUs at once (got " + wanted.size() + ")",
                    Map.of("skus", "more than " + MAX_SKUS));
        }
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Instant when = at == null ? clock.now() : at;
        return catalog.inTransaction(em -> {
            Map<String, Object[]> products = new HashMap<>();
            for (Object[] r : Sql.rowsInTransaction(em, wanted, new Object[0], in -> "SELECT SKU, TITLE_ZH, TITLE_EN, CATEGORY, STATUS, PRICE,"
                    + " CURRENCY, STOCK FROM CAT_PRODUCT WHERE SKU IN (" + in + ")")) {
                products.put((String) r[0], r);
            }
            Set<String> targets = new LinkedHashSet<>(products.keySet());
            products.values().forEach(r -> targets.addAll(PromotionPricing.prefixes((String) r[3])));
            List<Rule> rules = new ArrayList<>();
            if (!targets.isEmpty()) {
                Object[] window = {Sql.time(when), Sql.time(when)};
                for (Object[] r : Sql.rowsInTransaction(em, targets, window, in -> "SELECT p.ID, p.KIND, p.PERCENT_OFF, p.FIXED_PRICE,"
                        + " p.CURRENCY, t.KIND, t.TARGET FROM CAT_PROMOTION p JOIN CAT_PROMOTION_TARGET t ON t.PROMOTION_ID = p.ID"
                        + " WHERE p.STATUS = 'ACTIVE' AND p.START_AT <= ?1 AND p.END_AT > ?2 AND t.TARGET IN (" + in + ")")) {
                    rules.add(new Rule(((Number) r[0]).longValue(), PromotionKind.valueOf(((String) r[1]).trim()),
                            r[2] == null ? null : ((Number) r[2]).intValue(), Sql.money(r[3], r[4]), ((String) r[5]).trim(),
                            (String) r[6]));
                }
            }
            Map<String, Offer> out = new LinkedHashMap<>();
            for (String sku : wanted) {
                Object[] r = products.get(sku);
                if (r != null) {
                    out.put(sku, offer(r, rules));
                }
            }
            return out;
        });
    }

    private static Offer offer(Object[] r, List<Rule> rules) {
        String sku = (String) r[0];
        String category = (String) r[3];
        ProductStatus status = ProductStatus.valueOf(((String) r[4]).trim());
        Money list = Sql.money(r[5], r[6]);
        List<String> prefixes = PromotionPricing.prefixes(category);
        Money best = list;
        Long promotion = null;
        List<Rule> matching = new ArrayList<>();
        for (Rule rule : rules) {
            boolean covers = PromotionRows.TARGET_SKU.equals(rule.targetKind()) ? rule.target().equals(sku)
                    : prefixes.contains(rule.target());
            boolean sameCurrency = rule.fixedPrice() == null || rule.fixedPrice().currency().equals(list.currency());
            if (covers && sameCurrency) {
                matching.add(rule);
            }
        }
        matching.sort(Comparator.comparingLong(Rule::id));
        for (Rule rule : matching) {
            Money price = PromotionPricing.effective(list, rule.kind(), rule.percentOff(), rule.fixedPrice());
            if (promotion == null || price.compareTo(best) < 0) {
                best = price;
                promotion = rule.id();
            }
        }
        return new Offer(sku, (String) r[1], (String) r[2], category, status, status == ProductStatus.LISTED, list, best, promotion,
                ((Number) r[7]).longValue());
    }
}
