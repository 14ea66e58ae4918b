package org.wubu.orders.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.catalog.api.CatalogLookup;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.OpenReservationQuery;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.StockLine;
import org.wubu.catalog.api.StockReservations;
import org.wubu.orders.api.OrderService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.WubuException;

/**
 * {@link OrderCatalog} over the catalog's API for other areas: offers at their effective price
 * (promotions included) from {@link CatalogLookup}, and every line reserved or none in one catalog
 * transaction through {@link StockReservations#reserveAll} (so an order's reservation is one durable
 * commit, and a refused line leaves no stock held).
 */
@Component(service = OrderCatalog.class)
public class CatalogServiceOrderCatalog implements OrderCatalog {

    private final CatalogService catalog;
    private final CatalogLookup lookup;
    private final StockReservations reservations;

    @Activate
    public CatalogServiceOrderCatalog(@Reference CatalogService catalog, @Reference CatalogLookup lookup,
                                      @Reference StockReservations reservations) {
        this.catalog = catalog;
        this.lookup = lookup;
        this.reservations = reservations;
    }

    /**
     * The caller as the catalog sees it: the same person (so the stock ledger and audit name them), holding
     * what intake needs of the catalog. Whoever may place an order may have its stock reserved.
     */
    static Caller onBehalfOf(Caller caller) {
        return new Caller(caller.username(), caller.roles(), Set.of(CatalogService.READ, CatalogService.STOCK_RESERVE));
    }

    @Override
    public Map<String, Offer> offers(Caller caller, Collection<String> skus) {
        Map<String, Offer> out = new LinkedHashMap<>();
        List<String> all = List.copyOf(skus);
        // An order has far fewer lines than one lookup takes, unless an admin raised the line limit above it.
        for (int from = 0; from < all.size(); from += CatalogLookup.MAX_SKUS) {
            lookup.offers(onBehalfOf(caller), all.subList(from, Math.min(all.size(), from + CatalogLookup.MAX_SKUS)), null)
                    .forEach((sku, o) -> out.put(sku, new Offer(o.sku(), o.titleZh(), o.titleEn(), o.listed(), o.effectivePrice(),
                            o.stockAvailable())));
        }
        return out;
    }

    @Override
    public void reserveAll(Caller caller, String reference, List<Reservation> lines) {
        try {
            reservations.reserveAll(onBehalfOf(caller), reference, stockLines(lines));
        } catch (WubuException e) {
            if (!CatalogService.INSUFFICIENT_STOCK.equals(e.code())) {
                throw e;
            }
            // Name the order's line, not only the SKU: the source fixes the line it sent.
            Object sku = e.details().get("sku");
            Reservation line = lines.stream().filter(r -> r.sku().equals(sku)).findFirst().orElse(null);
            Map<String, Object> details = new LinkedHashMap<>(e.details());
            if (line != null) {
                details.put("line", line.lineNo());
            }
            throw new WubuException(OrderService.INSUFFICIENT_STOCK, (line == null ? "" : "line " + line.lineNo() + " (" + sku + "): ")
                    + e.getMessage(), details);
        }
    }

    @Override
    public void releaseAll(Caller caller, String reference, List<Reservation> lines) {
        reservations.releaseAll(onBehalfOf(caller), reference, stockLines(lines));
    }

    @Override
    public void commitAll(Caller caller, String reference, List<Reservation> lines) {
        reservations.commitAll(onBehalfOf(caller), reference, stockLines(lines));
    }

    @Override
    public List<Held> held(Caller caller, String referencePrefix, Instant from, Instant before, long afterId, int limit) {
        return reservations.open(onBehalfOf(caller), new OpenReservationQuery(referencePrefix, from, before, afterId, limit)).stream()
                .map(r -> new Held(r.id(), r.reference(), r.sku(), r.quantity(), r.reservedAt())).collect(Collectors.toList());
    }

    private static List<StockLine> stockLines(List<Reservation> lines) {
        return lines.stream().map(r -> new StockLine(r.sku(), r.quantity())).collect(Collectors.toList());
    }

    @Override
    public List<Offer> listed(Caller caller, int limit) {
        return catalog.list(onBehalfOf(caller), new ProductQuery(ProductStatus.LISTED, null, null, Math.min(limit, ProductQuery.MAX_LIMIT)))
                .items().stream().filter(p -> p.stock() > 0).map(CatalogServiceOrderCatalog::offer).collect(Collectors.toList());
    }

    private static Offer offer(Product p) {
        return new Offer(p.sku(), p.titleZh(), p.titleEn(), p.status() == ProductStatus.LISTED, p.price(), p.stock());
    }
}
