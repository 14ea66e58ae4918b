package org.wubu.orders.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The orders pages' texts: {@code orders-console-messages/messages_<zh-CN|en>.properties}, UTF-8. */
final class OrdersTexts {

    private OrdersTexts() {
    }

    static String tag(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
    }

    static Map<String, String> of(Locale locale) {
        return read(tag(locale));
    }

    static Map<String, String> read(String tag) {
        String name = "orders-console-messages/messages_" + tag + ".properties";
        try (InputStream in = OrdersTexts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing message file " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
