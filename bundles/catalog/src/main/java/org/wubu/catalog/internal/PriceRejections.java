package org.wubu.catalog.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.wubu.approvals.api.ApprovalEvents;
import org.wubu.catalog.api.CatalogService;

/** Ends a price proposal whose approval request was rejected. */
@Component(property = {
        EventConstants.EVENT_TOPIC + "=wubu/approvals/REJECTED",
        EventConstants.EVENT_FILTER + "=(" + ApprovalEvents.KIND + "=" + CatalogService.PRICE_CHANGE_KIND + ")"})
public class PriceRejections implements EventHandler {

    private final CatalogStore catalog;

    @Activate
    public PriceRejections(@Reference CatalogStore catalog) {
        this.catalog = catalog;
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(ApprovalEvents.ID);
        if (id instanceof Number n) {
            catalog.markRejected(n.longValue());
        }
    }
}
