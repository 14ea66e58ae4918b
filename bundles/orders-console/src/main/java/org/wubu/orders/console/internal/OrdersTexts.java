package org.wubu.orders.console.internal;

import java.util.Locale;
import java.util.Map;
import org.wubu.console.api.ConsoleTexts;

/** The orders pages' texts: {@code orders-console-messages/messages_<zh-CN|en>.properties}, read once with {@link ConsoleTexts}. */
final class OrdersTexts {

    private static final ConsoleTexts TEXTS = ConsoleTexts.load(OrdersTexts.class, "orders-console-messages");

    private OrdersTexts() {
    }

    static Map<String, String> of(Locale locale) {
        return TEXTS.of(locale);
    }

    /** One file as written, for the tests that compare the two languages. */
    static Map<String, String> read(String tag) {
        return TEXTS.read(tag);
    }
}
