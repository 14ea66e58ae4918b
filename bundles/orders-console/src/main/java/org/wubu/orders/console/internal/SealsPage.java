package org.wubu.orders.console.internal;

import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.console.api.ConsolePage;
import org.wubu.orders.api.seal.OrderSeals;

/** The daily sealed order records (ORD-4) for dba users: the list, the files to download, and a check against the database. */
// Referenced only so that the page is in the menu exactly while the orders run (their REST API with them).
@Component(service = ConsolePage.class, reference = @Reference(name = "orders", service = OrderSeals.class))
public class SealsPage implements ConsolePage {

    static final String PATH = "/orders/daily-records";

    @Override
    public String id() {
        return "orders.seals";
    }

    @Override
    public String title(Locale locale) {
        return OrdersTexts.of(locale).get("orders.seals.title");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String script() {
        return CONSOLE_PATH + OrdersPageAssets.PATH + "/seals.js";
    }

    @Override
    public String icon() {
        return "database";
    }

    @Override
    public String group() {
        return "admin";
    }

    @Override
    public int order() {
        return 430;
    }

    @Override
    public String permission() {
        return OrderSeals.PERMISSION;
    }

    @Override
    public Map<String, String> messages(Locale locale) {
        return OrdersTexts.of(locale);
    }
}
