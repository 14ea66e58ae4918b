package org.wubu.orders.internal;

import java.lang.annotation.Annotation;
import javax.sql.DataSource;
import org.wubu.catalog.api.CatalogLookup;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.StockReservations;
import org.wubu.persistence.internal.SharedTransactions;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.testsupport.TestPlatform;

/** The real orders store wired without OSGi for the seal tests (test classpath only; in its package for the wiring). */
public final class OrdersForSeals {

    private OrdersForSeals() {
    }

    public static OrderStore store(DataSource ds, ShopClock clock, AuditService audit, CatalogService catalog,
                                   CatalogLookup lookup, StockReservations reservations) {
        SharedTransactions units = new SharedTransactions(ds);
        OrderStore store = new OrderStore(units, units, new SchemaReady() { }, clock, audit, TestPlatform.PRODUCTION, new OrdersConfig() {
            @Override
            public int maxLines() {
                return 100;
            }

            @Override
            public int demoOrders() {
                return 0;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return OrdersConfig.class;
            }
        });
        store.catalog = new CatalogServiceOrderCatalog(catalog, lookup, reservations);
        return store;
    }
}
