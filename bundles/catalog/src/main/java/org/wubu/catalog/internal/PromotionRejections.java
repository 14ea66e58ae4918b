package org.wubu.catalog.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.wubu.approvals.api.ApprovalEvents;
import org.wubu.catalog.api.PromotionService;

/** Ends a promotion whose approval request was rejected. */
@Component(property = {
        EventConstants.EVENT_TOPIC + "=wubu/approvals/REJECTED",
        EventConstants.EVENT_FILTER + "=(" + ApprovalEvents.KIND + "=" + PromotionService.KIND + ")"})
public class PromotionRejections implements EventHandler {

    private final PromotionStore promotions;

    @Activate
    public PromotionRejections(@Reference PromotionStore promotions) {
        this.promotions = promotions;
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(ApprovalEvents.ID);
        if (id instanceof Number n) {
            promotions.markRejected(n.longValue());
        }
    }
}
