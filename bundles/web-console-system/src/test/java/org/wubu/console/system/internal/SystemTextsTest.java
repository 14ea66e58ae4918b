package org.wubu.console.system.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/** The System page is complete in zh-CN and English, and its module only uses keys that exist. */
public class SystemTextsTest {

    @Test
    public void bothLanguagesHaveTheSameKeys() {
        assertEquals(SystemTexts.read("zh-CN").keySet(), SystemTexts.read("en").keySet());
        SystemTexts.read("zh-CN").forEach((k, v) -> assertTrue(k, !v.isBlank()));
        SystemTexts.read("en").forEach((k, v) -> assertTrue(k, !v.isBlank()));
    }

    @Test
    public void theModuleUsesOnlyKnownKeys() throws IOException {
        String js = Files.readString(Path.of("src/main/resources/console-system/system.js"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\bt\\('([A-Za-z0-9_.-]+)'").matcher(js);
        while (m.find()) {
            assertTrue("missing text " + m.group(1), SystemTexts.read("en").containsKey(m.group(1)));
        }
    }

    @Test
    public void titleAndScript() {
        SystemPage page = new SystemPage();
        assertEquals("System", page.title(Locale.ENGLISH));
        assertEquals("系统", page.title(Locale.SIMPLIFIED_CHINESE));
        assertEquals("/console/pages/system/system.js", page.script());
        assertTrue(Files.isRegularFile(Path.of("src/main/resources/console-system/system.js")));
    }
}
