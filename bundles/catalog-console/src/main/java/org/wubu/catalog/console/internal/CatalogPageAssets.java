package org.wubu.catalog.console.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.wubu.console.api.ConsolePage;

/**
 * Serves the catalog pages' modules from this bundle ({@code catalog-console/} in the jar) at
 * {@code /console/pages/catalog/}, in the console's servlet context: the pages leave with the bundle.
 */
@Component(service = CatalogPageAssets.class)
@HttpWhiteboardResource(pattern = CatalogPageAssets.PATH + "/*", prefix = "/catalog-console")
@HttpWhiteboardContextSelect(ConsolePage.CONTEXT_SELECT)
public class CatalogPageAssets {

    static final String PATH = "/pages/catalog";
}
