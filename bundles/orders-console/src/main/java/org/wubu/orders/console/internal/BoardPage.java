package org.wubu.orders.console.internal;

import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.console.api.ConsolePage;
import org.wubu.orders.api.OrderService;

/**
 * The live order board (ORD-1): counts per state and the newest orders, updated over the console's event
 * stream within a second of any {@code wubu/orders/*} event, with a visual and an optional sound cue for new
 * orders and overdue confirmations (ORD-2) highlighted. Below {@code /orders/{id}}: the order page with its
 * header, customer, lines, payment, notes, the timeline of records and the actions the member of staff may
 * take (confirm, note, resolve a payment flag, pack, ship, deliver). Every action is checked again by the
 * orders' REST API.
 */
// Referenced only so that the page is in the menu exactly while the orders run (their REST API with them).
@Component(service = ConsolePage.class, reference = @Reference(name = "orders", service = OrderService.class))
public class BoardPage implements ConsolePage {

    static final String PATH = "/orders";

    @Override
    public String id() {
        return "orders.board";
    }

    @Override
    public String title(Locale locale) {
        return OrdersTexts.of(locale).get("orders.board.title");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String script() {
        return CONSOLE_PATH + OrdersPageAssets.PATH + "/board.js";
    }

    @Override
    public String icon() {
        return "cart";
    }

    @Override
    public String group() {
        return "work";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String permission() {
        return OrderService.READ;
    }

    @Override
    public Map<String, String> messages(Locale locale) {
        return OrdersTexts.of(locale);
    }
}
