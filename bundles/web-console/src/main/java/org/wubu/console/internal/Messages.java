package org.wubu.console.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shell's texts, one JSON file per language in the bundle ({@code console-messages/messages_zh-CN.json},
 * {@code messages_en.json}); {@code MessagesTest} fails the build when a key is missing in one of them.
 */
final class Messages {

    static final String FOLDER = "console-messages/";

    private final Map<String, Map<String, String>> byLanguage;

    private Messages(Map<String, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** Loads every language file from the class path (this bundle). */
    static Messages load() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String tag : new String[] {"zh-CN", "en"}) {
            all.put(tag, read(tag));
        }
        return new Messages(all);
    }

    static Map<String, String> read(String tag) {
        String name = FOLDER + "messages_" + tag + ".json";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing message file " + name);
            }
            return Collections.unmodifiableMap(new TreeMap<>(new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() { })));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message file " + name, e);
        }
    }

    /** Every text of the language, by key. */
    Map<String, String> all(Locale locale) {
        return byLanguage.get(Languages.tag(locale));
    }

    /** One text, or the key itself when it is missing (visible, so it gets noticed). */
    String get(Locale locale, String key) {
        return all(locale).getOrDefault(key, key);
    }
}
