package org.wubu.console.system.internal;

import java.util.Locale;
import java.util.Map;
import org.wubu.console.api.ConsoleTexts;

/** The System page's texts: {@code console-system-messages/messages_<zh-CN|en>.properties}, read once with {@link ConsoleTexts}. */
final class SystemTexts {

    private static final ConsoleTexts TEXTS = ConsoleTexts.load(SystemTexts.class, "console-system-messages");

    private SystemTexts() {
    }

    static Map<String, String> of(Locale locale) {
        return TEXTS.of(locale);
    }

    /** One file as written, for the tests that compare the two languages. */
    static Map<String, String> read(String tag) {
        return TEXTS.read(tag);
    }
}
