package org.wubu.console.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The texts of a bundle's console pages and tiles: {@code <folder>/messages_zh-CN.properties} and
 * {@code <folder>/messages_en.properties} in that bundle, read as UTF-8 (not the ISO-8859-1 of
 * {@link java.util.ResourceBundle}, so the Chinese stays readable in the files).
 *
 * <p>Both files are read once, when the instance is made, through the class loader of a class of
 * the owning bundle: the folder need not be exported, and a bundle update (a new class loader)
 * brings new texts with it. A locale whose language is English gets the English texts; any other
 * gets Chinese, the shop's default ({@link ConsolePage#LANGUAGES}). A key missing in English falls
 * back to its Chinese text, so a page never shows an empty place; each bundle's tests should still
 * check with {@link #read(String)} that both files have the same keys.
 */
public final class ConsoleTexts {

    /** Tag of the shop's default language, also the fallback. */
    public static final String DEFAULT_TAG = "zh-CN";
    /** Tag of the English texts. */
    public static final String ENGLISH_TAG = "en";

    private final String folder;
    private final Map<String, String> chinese;
    private final Map<String, String> english;
    private final Map<String, String> englishWithFallback;

    private ConsoleTexts(String folder, Map<String, String> chinese, Map<String, String> english) {
        this.folder = folder;
        this.chinese = chinese;
        this.english = english;
        Map<String, String> merged = new TreeMap<>(chinese);
        merged.putAll(english);
        this.englishWithFallback = Collections.unmodifiableMap(merged);
    }

    /**
     * Reads both message files of {@code owner}'s bundle from {@code folder} (a resource folder
     * without leading or trailing slash, e.g. {@code orders-console-messages}).
     *
     * @throws IllegalStateException a file is missing
     * @throws UncheckedIOException  a file cannot be read
     */
    public static ConsoleTexts load(Class<?> owner, String folder) {
        ClassLoader loader = owner.getClassLoader();
        return new ConsoleTexts(folder, read(loader, folder, DEFAULT_TAG), read(loader, folder, ENGLISH_TAG));
    }

    /** {@code en} for a locale whose language is English, else {@code zh-CN}. */
    public static String tag(Locale locale) {
        return locale != null && ENGLISH_TAG.equals(locale.getLanguage()) ? ENGLISH_TAG : DEFAULT_TAG;
    }

    /** Every text in the locale's language ({@link #tag(Locale)}), a missing English one in Chinese; unmodifiable. */
    public Map<String, String> of(Locale locale) {
        return ENGLISH_TAG.equals(tag(locale)) ? englishWithFallback : chinese;
    }

    /** One text in the locale's language, or the key itself when no file has it (visible, so it gets noticed). */
    public String get(Locale locale, String key) {
        return of(locale).getOrDefault(key, key);
    }

    /** One file exactly as written, without fallback: {@code zh-CN} or {@code en}. For tests that compare the files. */
    public Map<String, String> read(String tag) {
        if (DEFAULT_TAG.equals(tag)) {
            return chinese;
        }
        if (ENGLISH_TAG.equals(tag)) {
            return english;
        }
        throw new IllegalArgumentException("no texts in '" + tag + "' in " + folder + "; languages: "
                + DEFAULT_TAG + ", " + ENGLISH_TAG);
    }

    private static Map<String, String> read(ClassLoader loader, String folder, String tag) {
        String name = folder + "/messages_" + tag + ".properties";
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing message file " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            return Collections.unmodifiableMap(m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
