package org.wubu.catalog.internal;

import org.wubu.platform.api.persistence.UnitOfWork;

/** What SCR sets on the catalog store in Karaf and the benchmark wires by hand (in the store's package). */
public final class CatalogWiring {

    private CatalogWiring() {
    }

    /** The units of work the store's events wait for, as SCR injects them. */
    public static void units(CatalogStore store, UnitOfWork units) {
        store.units = units;
    }
}
