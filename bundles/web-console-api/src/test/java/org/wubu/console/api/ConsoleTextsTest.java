package org.wubu.console.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.Test;

/** Loading a bundle's two message files: UTF-8, the language chosen by locale, English falling back to Chinese. */
public class ConsoleTextsTest {

    private final ConsoleTexts texts = ConsoleTexts.load(ConsoleTextsTest.class, "console-texts-test");

    @Test
    public void chineseIsReadAsUtf8AndIsTheDefault() {
        assertEquals("你好", texts.get(Locale.SIMPLIFIED_CHINESE, "greeting"));
        assertEquals("你好", texts.get(Locale.FRENCH, "greeting"));
        assertEquals("你好", texts.get(null, "greeting"));
        assertEquals("zh-CN", ConsoleTexts.tag(Locale.TRADITIONAL_CHINESE));
        assertEquals("en", ConsoleTexts.tag(Locale.UK));
    }

    @Test
    public void englishForEveryEnglishLocale() {
        assertEquals("Hello", texts.get(Locale.ENGLISH, "greeting"));
        assertEquals("Hello", texts.get(Locale.US, "greeting"));
        assertEquals("a = b", texts.of(Locale.ENGLISH).get("with.equals"));
    }

    @Test
    public void aKeyMissingInEnglishFallsBackToChinese() {
        assertEquals("只有中文", texts.get(Locale.ENGLISH, "only.zh"));
        assertEquals(texts.read("zh-CN").keySet(), texts.of(Locale.ENGLISH).keySet());
        // read() shows the file as written, so that a bundle's test can still catch the gap
        assertFalse(texts.read("en").containsKey("only.zh"));
    }

    @Test
    public void anUnknownKeyShowsItself() {
        assertEquals("no.such.key", texts.get(Locale.ENGLISH, "no.such.key"));
        assertEquals("no.such.key", texts.get(Locale.SIMPLIFIED_CHINESE, "no.such.key"));
    }

    @Test
    public void theFilesAreReadOnceAndCannotBeChanged() {
        assertSame(texts.of(Locale.ENGLISH), texts.of(Locale.US));
        Map<String, String> zh = texts.of(Locale.CHINA);
        assertThrows(UnsupportedOperationException.class, () -> zh.put("greeting", "x"));
        assertThrows(UnsupportedOperationException.class, () -> texts.read("en").remove("greeting"));
    }

    @Test
    public void aMissingFileIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConsoleTexts.load(ConsoleTextsTest.class, "console-texts-half"));
        assertTrue(e.getMessage(), e.getMessage().contains("console-texts-half/messages_en.properties"));
        assertThrows(IllegalStateException.class, () -> ConsoleTexts.load(ConsoleTextsTest.class, "no-such-folder"));
    }

    @Test
    public void onlyTheTwoLanguagesCanBeRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> texts.read("fr"));
        assertTrue(e.getMessage(), e.getMessage().contains("console-texts-test"));
    }
}
