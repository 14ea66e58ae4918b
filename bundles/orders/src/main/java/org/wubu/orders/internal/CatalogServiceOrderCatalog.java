package org.wubu.orders.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.orders.api.OrderService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.WubuException;

/**
 * {@link OrderCatalog} over today's {@link CatalogService}: the price is the product's current
 * price, and "all or nothing" is reserving line by line and releasing what was reserved when a line
 * fails. The catalog's guarded stock UPDATE makes each reservation oversell-proof.
 */
@Component(service = OrderCatalog.class)
public class CatalogServiceOrderCatalog implements OrderCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogServiceOrderCatalog.class);

    private final CatalogService catalog;

    @Activate
    public CatalogServiceOrderCatalog(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    /**
     * The caller as the catalog sees it: the same person (so the stock ledger and audit name them), holding
     * what intake needs of the catalog. Whoever may place an order may have its stock reserved.
     */
    static Caller onBehalfOf(Caller caller) {
        return new Caller(caller.username(), caller.roles(), Set.of(CatalogService.READ, CatalogService.STOCK_RESERVE));
    }

    @Override
    public Optional<Offer> offer(Caller caller, String sku) {
        return catalog.find(onBehalfOf(caller), sku).map(CatalogServiceOrderCatalog::offer);
    }

    private static Offer offer(Product p) {
        return new Offer(p.sku(), p.titleZh(), p.titleEn(), p.status() == ProductStatus.LISTED, p.price(), p.stock());
    }

    @Override
    public void reserveAll(Caller caller, String reference, List<Reservation> lines) {
        List<Reservation> done = new ArrayList<>();
        for (Reservation r : lines) {
            try {
                catalog.reserve(onBehalfOf(caller), r.sku(), r.quantity(), reference);
                done.add(r);
            } catch (WubuException e) {
                releaseAll(caller, reference, done);
                if (CatalogService.INSUFFICIENT_STOCK.equals(e.code())) {
                    Map<String, Object> details = new LinkedHashMap<>(e.details());
                    details.put("line", r.lineNo());
                    details.put("sku", r.sku());
                    throw new WubuException(OrderService.INSUFFICIENT_STOCK, "line " + r.lineNo() + " (" + r.sku() + "): "
                            + e.getMessage(), details);
                }
                throw e;
            } catch (RuntimeException e) {
                releaseAll(caller, reference, done);
                throw e;
            }
        }
    }

    @Override
    public void releaseAll(Caller caller, String reference, List<Reservation> lines) {
        for (Reservation r : lines) {
            try {
                catalog.release(onBehalfOf(caller), r.sku(), r.quantity(), reference);
            } catch (RuntimeException e) {
                // Never hide the original refusal; the stock ledger shows the open reservation.
                LOG.error("Could not release {} x {} reserved for {}: {}", r.quantity(), r.sku(), reference, e.getMessage(), e);
            }
        }
    }

    @Override
    public List<Offer> listed(Caller caller, int limit) {
        return catalog.list(onBehalfOf(caller), new ProductQuery(ProductStatus.LISTED, null, null, Math.min(limit, ProductQuery.MAX_LIMIT)))
                .items().stream().filter(p -> p.stock() > 0).map(CatalogServiceOrderCatalog::offer).collect(Collectors.toList());
    }
}
