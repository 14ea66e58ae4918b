package org.wubu.orders.console.internal;

import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.console.api.ConsolePage;
import org.wubu.orders.api.OrderService;

/** The confirmation queue (ORD-2): accepted orders waiting for the call, overdue first, each with its countdown. */
// Referenced only so that the page is in the menu exactly while the orders run (their REST API with them).
@Component(service = ConsolePage.class, reference = @Reference(name = "orders", service = OrderService.class))
public class ConfirmationsPage implements ConsolePage {

    static final String PATH = "/orders/confirmations";

    @Override
    public String id() {
        return "orders.confirmations";
    }

    @Override
    public String title(Locale locale) {
        return OrdersTexts.of(locale).get("orders.confirmations.title");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String script() {
        return CONSOLE_PATH + OrdersPageAssets.PATH + "/confirmations.js";
    }

    @Override
    public String icon() {
        return "chat";
    }

    @Override
    public String group() {
        return "work";
    }

    @Override
    public int order() {
        return 210;
    }

    @Override
    public String permission() {
        return OrderService.CONFIRM;
    }

    @Override
    public Map<String, String> messages(Locale locale) {
        return OrdersTexts.of(locale);
    }
}
