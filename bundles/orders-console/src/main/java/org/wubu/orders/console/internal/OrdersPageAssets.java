package org.wubu.orders.console.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.wubu.console.api.ConsolePage;

/**
 * Serves the orders pages' modules from this bundle ({@code orders-console/} in the jar) at
 * {@code /console/pages/orders/}, in the console's servlet context: the pages leave with the bundle.
 */
@Component(service = OrdersPageAssets.class)
@HttpWhiteboardResource(pattern = OrdersPageAssets.PATH + "/*", prefix = "/orders-console")
@HttpWhiteboardContextSelect(ConsolePage.CONTEXT_SELECT)
public class OrdersPageAssets {

    static final String PATH = "/pages/orders";
}
