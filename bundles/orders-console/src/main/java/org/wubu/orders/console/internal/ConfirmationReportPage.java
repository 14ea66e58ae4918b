package org.wubu.orders.console.internal;

import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.console.api.ConsolePage;
import org.wubu.orders.api.OrderService;

/**
 * The confirmation report (ORD-2): for a period of shop days, per agent how many orders they confirmed, the median
 * and 90th percentile minutes from acceptance to confirmation and the share within the limit, and the shop's total.
 */
// Referenced only so that the page is in the menu exactly while the orders run (their REST API with them).
@Component(service = ConsolePage.class, reference = @Reference(name = "orders", service = OrderService.class))
public class ConfirmationReportPage implements ConsolePage {

    static final String PATH = "/orders/confirmation-report";

    @Override
    public String id() {
        return "orders.confirmation-report";
    }

    @Override
    public String title(Locale locale) {
        return OrdersTexts.of(locale).get("orders.report.title");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String script() {
        return CONSOLE_PATH + OrdersPageAssets.PATH + "/confirmation-report.js";
    }

    @Override
    public String icon() {
        return "chart";
    }

    @Override
    public String group() {
        return "work";
    }

    @Override
    public int order() {
        return 240;
    }

    /** What {@code GET /api/orders/confirmations/report} asks for. */
    @Override
    public String permission() {
        return OrderService.READ;
    }

    @Override
    public Map<String, String> messages(Locale locale) {
        return OrdersTexts.of(locale);
    }
}
