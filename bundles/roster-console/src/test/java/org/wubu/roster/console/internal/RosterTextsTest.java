package org.wubu.roster.console.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/** The roster page is complete in zh-CN and English and its module only uses keys that exist. */
public class RosterTextsTest {

    @Test
    public void bothLanguagesHaveTheSameKeys() {
        assertEquals(RosterTexts.read("zh-CN").keySet(), RosterTexts.read("en").keySet());
        for (String tag : List.of("zh-CN", "en")) {
            RosterTexts.read(tag).forEach((k, v) -> assertTrue(tag + " " + k, !v.isBlank() && k.startsWith("roster.")));
        }
        assertEquals("值班表", RosterTexts.of(Locale.SIMPLIFIED_CHINESE).get("roster.title"));
        assertEquals("Duty roster", RosterTexts.of(Locale.ENGLISH).get("roster.title"));
    }

    @Test
    public void theModuleUsesOnlyKnownKeys() throws IOException {
        Map<String, String> en = RosterTexts.read("en");
        String js = Files.readString(Path.of("src/main/resources/roster-console/roster.js"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\bt\\('([A-Za-z0-9_.-]+)'[,)]").matcher(js);
        int used = 0;
        while (m.find()) {
            used++;
            assertTrue("roster.js uses a missing text " + m.group(1), en.containsKey(m.group(1)));
        }
        assertTrue("the pattern finds the texts", used > 15);
    }
}
