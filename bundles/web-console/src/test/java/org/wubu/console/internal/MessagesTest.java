package org.wubu.console.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    /** Every platform page of the shell bundle. */
    private static final BuiltInPage[] PAGES = {new DashboardPage(), new ApprovalsPage(), new AccountPage(), new AuditPage(),
        new StaffPage(), new BackupsPage()};

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

    /**
     * Every refusal code the platform's bundles answer with has its kind in both languages (error.code.*), which
     * the console puts before the server's English details in Chinese. The codes are read from the sources of the
     * bundles next to this one: the literals and the String constants given to an exception, and the codes of
     * the platform's exception classes.
     */
    @Test
    public void everyRefusalCodeHasItsKindInBothLanguages() throws IOException {
        Path bundles = Path.of("..").toAbsolutePath().normalize();
        Pattern constant = Pattern.compile("String ([A-Z_]+) = \"([a-z0-9-]+)\"");
        // a code is a literal or a constant given to an exception, to an exception class's super(...), or to Rest.error
        String codeArg = "(?:\"([a-z0-9-]+)\"|(?:\\w+\\.)?([A-Z][A-Z_]+))\\s*,";
        Pattern thrown = Pattern.compile("new (?:WubuException\\(\\s*" + codeArg + "|\\w+Exception\\(\\s*(?:\\w+\\.)?([A-Z][A-Z_]+)\\s*,)");
        Pattern superCall = Pattern.compile("super\\(\\s*" + codeArg);
        Pattern answered = Pattern.compile("\\berror\\(\\s*\\w+\\s*,\\s*[\\w.]+\\s*,\\s*" + codeArg);
        Map<String, Set<String>> constants = new java.util.HashMap<>();
        Set<String> names = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(bundles)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")
                    && p.toString().contains("/src/main/java/"))::iterator) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = constant.matcher(text);
                while (m.find()) {
                    constants.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                }
                List<Pattern> patterns = new java.util.ArrayList<>(List.of(thrown, answered));
                if (f.getFileName().toString().endsWith("Exception.java")) {
                    patterns.add(superCall);
                }
                for (Pattern p : patterns) {
                    for (m = p.matcher(text); m.find(); ) {
                        for (int g = 1; g <= m.groupCount(); g++) {
                            String v = m.group(g);
                            if (v != null) {
                                (Character.isUpperCase(v.charAt(0)) ? names : codes).add(v);
                            }
                        }
                    }
                }
            }
        }
        names.forEach(n -> codes.addAll(constants.getOrDefault(n, Set.of())));
        assertTrue("too few refusal codes found, the scan is broken: " + codes,
                codes.containsAll(Set.of("invalid", "not-found", "forbidden", "insufficient-stock", "order-immutable", "shift-overlap")));
        Map<String, String> en = Messages.read("en");
        Map<String, String> zh = Messages.read("zh-CN");
        Set<String> missing = new TreeSet<>();
        for (String code : codes) {
            if (!en.containsKey("error.code." + code) || !zh.containsKey("error.code." + code)) {
                missing.add(code);
            }
        }
        assertTrue("refusal codes without error.code.<code> in both languages: " + missing, missing.isEmpty());
    }

    @Test
    public void everyBuiltInPageHasATitleInBothLanguages() {
        Messages messages = Messages.load();
        for (BuiltInPage page : PAGES) {
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
        for (BuiltInPage page : PAGES) {
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

    /**
     * Keys a page builds at run time from a prefix and a server value ({@code 'staff.level.' + level}): each
     * value the server sends must have its text in both languages.
     */
    @Test
    public void runTimeKeysOfTheNewPagesExistInBothLanguages() {
        String[] keys = {
            "staff.level.reader", "staff.level.editor", "staff.level.dba",
            "staff.status.active", "staff.status.locked", "staff.status.disabled",
            "staff.error.username", "staff.error.displayName", "staff.error.phone", "staff.error.roles", "staff.error.level",
            "staff.error.areas", "staff.kind.normal", "staff.kind.special",
            "backups.trigger.schedule", "backups.trigger.catch-up",
            "backups.restore.step1", "backups.restore.step2", "backups.restore.step3", "backups.restore.step4",
            "backups.restore.code1", "backups.restore.code2", "backups.restore.code3", "backups.restore.code4",
            "tokens.status.active", "tokens.status.expired", "tokens.status.revoked",
            "table.pageOf", "dialog.cancel", "dialog.close", "copy.button", "copy.done", "copy.failed",
        };
        for (String tag : new String[] {"zh-CN", "en"}) {
            Map<String, String> texts = Messages.read(tag);
            Set<String> missing = new TreeSet<>();
            for (String k : keys) {
                if (!texts.containsKey(k)) {
                    missing.add(k);
                }
            }
            assertTrue("missing in messages_" + tag + ".json: " + missing, missing.isEmpty());
        }
    }

    /** Placeholders such as {user} must be the same in both languages, or one of them shows a raw brace. */
    @Test
    public void placeholdersAreTheSameInBothLanguages() {
        Map<String, String> zh = Messages.read("zh-CN");
        Map<String, String> en = Messages.read("en");
        Pattern placeholder = Pattern.compile("\\{([a-zA-Z]+)\\}");
        for (var e : en.entrySet()) {
            Set<String> inEn = new TreeSet<>();
            Set<String> inZh = new TreeSet<>();
            placeholder.matcher(e.getValue()).results().forEach(r -> inEn.add(r.group(1)));
            placeholder.matcher(zh.getOrDefault(e.getKey(), "")).results().forEach(r -> inZh.add(r.group(1)));
            assertEquals("placeholders of " + e.getKey(), inEn, inZh);
        }
    }
}
