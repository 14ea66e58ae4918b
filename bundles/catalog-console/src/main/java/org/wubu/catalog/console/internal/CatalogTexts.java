package org.wubu.catalog.console.internal;

import java.util.Locale;
import java.util.Map;
import org.wubu.console.api.ConsoleTexts;

/** The catalog pages' texts: {@code catalog-console-messages/messages_<zh-CN|en>.properties}, read once with {@link ConsoleTexts}. */
final class CatalogTexts {

    private static final ConsoleTexts TEXTS = ConsoleTexts.load(CatalogTexts.class, "catalog-console-messages");

    private CatalogTexts() {
    }

    static Map<String, String> of(Locale locale) {
        return TEXTS.of(locale);
    }

    /** One file as written, for the tests that compare the two languages. */
    static Map<String, String> read(String tag) {
        return TEXTS.read(tag);
    }
}
