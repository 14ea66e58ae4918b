package org.wubu.catalog.internal;

import java.lang.reflect.Proxy;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.catalog.api.CatalogLookup;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.StockReservations;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.platform.api.persistence.UnitOfWork;
import org.wubu.testsupport.TestPlatform;

/**
 * The real catalog for the orders' tests (test classpath only): its store on EclipseLink over the
 * orders' test database, and listed products with stock created the way its demo data is, so that
 * the tests need no approvals. Lives in the catalog's package to reach that package-private step.
 */
public final class CatalogForOrders implements AutoCloseable {

    public final CatalogService catalog;
    public final CatalogLookup lookup;
    public final StockReservations reservations;
    private final CatalogStore store;
    private final EntityManagerFactory emf;

    /** The catalog on {@code ds}; its events wait for the commit of a unit of work running in {@code units}. */
    public CatalogForOrders(DataSource ds, ShopClock clock, AuditService audit, UnitOfWork units) {
        emf = Persistence.createEntityManagerFactory("wubu-catalog", Map.of("javax.persistence.nonJtaDataSource", ds));
        ApprovalService noApprovals = (ApprovalService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ApprovalService.class}, (p, m, a) -> {
                    throw new UnsupportedOperationException("the orders' tests use no approvals");
                });
        store = new CatalogStore(emf, new SchemaReady() { }, clock, audit, noApprovals, TestPlatform.PRODUCTION);
        store.units = units;
        store.awaitStartWork();
        catalog = store;
        lookup = new OfferLookup(store, clock);
        reservations = new StockReservationStore(store, clock);
    }

    /** A listed product with its opening stock. */
    public void listed(String sku, String price, long stock) {
        store.insert(Caller.SYSTEM, new ProductDraft(sku, sku + " 中文", sku + " English", "", "", "test/orders", Money.cny(price)),
                ProductStatus.LISTED, stock);
    }

    /** A product that is not on sale. */
    public void draft(String sku, String price) {
        store.insert(Caller.SYSTEM, new ProductDraft(sku, sku + " 中文", sku + " English", "", "", "test/orders", Money.cny(price)),
                ProductStatus.DRAFT, 0);
    }

    @Override
    public void close() {
        store.deactivate();
        emf.close();
    }
}
