package org.wubu.roster.console.internal;

import java.util.Locale;
import java.util.Map;
import org.wubu.console.api.ConsoleTexts;

/** The roster page's texts: {@code roster-console-messages/messages_<zh-CN|en>.properties}, read once with {@link ConsoleTexts}. */
final class RosterTexts {

    private static final ConsoleTexts TEXTS = ConsoleTexts.load(RosterTexts.class, "roster-console-messages");

    private RosterTexts() {
    }

    static Map<String, String> of(Locale locale) {
        return TEXTS.of(locale);
    }

    /** One file as written, for the test that compares the two languages. */
    static Map<String, String> read(String tag) {
        return TEXTS.read(tag);
    }
}
