package org.wubu.orders.console.internal;

import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.console.api.ConsolePage;
import org.wubu.orders.api.OrderService;

/** The packing queue (ORD-7): confirmed orders waiting to be packed, oldest first, notes and payment flags shown. */
// Referenced only so that the page is in the menu exactly while the orders run (their REST API with them).
@Component(service = ConsolePage.class, reference = @Reference(name = "orders", service = OrderService.class))
public class PackingPage implements ConsolePage {

    static final String PATH = "/orders/packing";

    @Override
    public String id() {
        return "orders.packing";
    }

    @Override
    public String title(Locale locale) {
        return OrdersTexts.of(locale).get("orders.packing.title");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String script() {
        return CONSOLE_PATH + OrdersPageAssets.PATH + "/packing.js";
    }

    @Override
    public String icon() {
        return "box";
    }

    @Override
    public String group() {
        return "work";
    }

    @Override
    public int order() {
        return 220;
    }

    @Override
    public String permission() {
        return OrderService.PACK;
    }

    @Override
    public Map<String, String> messages(Locale locale) {
        return OrdersTexts.of(locale);
    }
}
