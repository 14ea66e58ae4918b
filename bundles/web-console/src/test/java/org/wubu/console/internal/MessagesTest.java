package org.wubu.console.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/** zh-CN and English must both be complete: same keys, no empty text, every key the pages use present. */
public class MessagesTest {

    private static final Path ASSETS = Path.of("src/main/resources", ShellServlet.ASSETS);

    @Test
    public void bothLanguagesHaveTheSameKeys() {
        Map<String, String> zh = Messages.read("zh-CN");
        Map<String, String> en = Messages.read("en");
        Set<String> missingInEn = new TreeSet<>(zh.keySet());
        missingInEn.removeAll(en.keySet());
        Set<String> missingInZh = new TreeSet<>(en.keySet());
        missingInZh.removeAll(zh.keySet());
        assertTrue("keys missing in messages_en.json: " + missingInEn, missingInEn.isEmpty());
        assertTrue("keys missing in messages_zh-CN.json: " + missingInZh, missingInZh.isEmpty());
        zh.forEach((k, v) -> assertTrue("empty zh-CN text for " + k, !v.isBlank()));
        en.forEach((k, v) -> assertTrue("empty English text for " + k, !v.isBlank()));
    }

    @Test
    public void everyKeyThePagesUseExists() throws IOException {
        Set<String> known = Messages.read("en").keySet();
        Pattern call = Pattern.compile("\\bt\\('([A-Za-z0-9_.-]+)'");
        Pattern attribute = Pattern.compile("data-t(?:-placeholder|-title)?=\"([^\"]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ASSETS)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html"))::iterator) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (Pattern p : new Pattern[] {call, attribute}) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        String key = m.group(1);
                        // keys that end with '.' are prefixes completed at run time (role., approvals.state.)
                        if (!key.endsWith(".") && !known.contains(key)) {
                            missing.add(ASSETS.relativize(f) + ": " + key);
                        }
                    }
                }
            }
        }
        assertTrue("texts used by the console but missing in the message files: " + missing, missing.isEmpty());
    }

    @Test
    public void everyBuiltInPageHasATitleInBothLanguages() {
        Messages messages = Messages.load();
        for (BuiltInPage page : new BuiltInPage[] {new DashboardPage(), new ApprovalsPage(), new AccountPage(), new AuditPage()}) {
            for (var locale : org.wubu.console.api.ConsolePage.LANGUAGES) {
                String key = "page." + page.id() + ".title";
                assertTrue(key + " in " + locale, !messages.get(locale, key).equals(key));
            }
            assertTrue(messages.get(java.util.Locale.ENGLISH, "group." + page.group()) + " is a group title",
                    !messages.get(java.util.Locale.ENGLISH, "group." + page.group()).startsWith("group."));
        }
        assertEquals("Audit log", new AuditPage().title(java.util.Locale.ENGLISH));
        assertEquals("审计日志", new AuditPage().title(java.util.Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    public void everyPageModuleExists() {
        for (BuiltInPage page : new BuiltInPage[] {new DashboardPage(), new ApprovalsPage(), new AccountPage(), new AuditPage()}) {
            String script = page.script().substring("/console/assets/".length());
            assertTrue(script, Files.isRegularFile(ASSETS.resolve(script)));
        }
    }

    @Test
    public void htmlDeclaresUtf8AndLoadsNothingFromOutside() throws IOException {
        try (Stream<Path> files = Files.walk(ASSETS)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (f.toString().endsWith(".html")) {
                    assertTrue(f + " declares utf-8", text.contains("<meta charset=\"utf-8\">"));
                }
                assertTrue(f + " must not load anything from another server", !text.matches("(?s).*(src|href)=\"(https?:)?//.*"));
                assertTrue(f + " must not import from another server", !text.matches("(?s).*(import|from)\\s*\\(?\\s*'(https?:)?//.*"));
            }
        }
    }
}
