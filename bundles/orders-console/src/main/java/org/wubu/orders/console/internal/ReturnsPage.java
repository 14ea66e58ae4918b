package org.wubu.orders.console.internal;

import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.console.api.ConsolePage;
import org.wubu.orders.api.OrderService;

/**
 * Returns, exchanges and gifts (ORD-8, ORD-9): below {@code /orders/returns/{id}} one order's returnable goods and its
 * open return request with the CS manager's approval; the agent requests a return, an exchange or a gift, delivery
 * records the goods that came back. Below {@code /orders/returns} a short list of shipped and delivered orders.
 */
// Referenced only so that the page is in the menu exactly while the orders run (their REST API with them).
@Component(service = ConsolePage.class, reference = @Reference(name = "orders", service = OrderService.class))
public class ReturnsPage implements ConsolePage {

    static final String PATH = "/orders/returns";

    @Override
    public String id() {
        return "orders.returns";
    }

    @Override
    public String title(Locale locale) {
        return OrdersTexts.of(locale).get("orders.returns.title");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String script() {
        return CONSOLE_PATH + OrdersPageAssets.PATH + "/returns.js";
    }

    @Override
    public String icon() {
        return "inbox";
    }

    @Override
    public String group() {
        return "work";
    }

    @Override
    public int order() {
        return 230;
    }

    /**
     * Reading, not {@link OrderService#RETURN_REQUEST}: the agents request returns here and delivery records the goods
     * that came back (orders.return.check) on the same page; the page shows each of them only the buttons they may use.
     */
    @Override
    public String permission() {
        return OrderService.READ;
    }

    @Override
    public Map<String, String> messages(Locale locale) {
        return OrdersTexts.of(locale);
    }
}
