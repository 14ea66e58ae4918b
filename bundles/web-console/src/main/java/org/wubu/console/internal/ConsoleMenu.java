package org.wubu.console.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wubu.console.api.ConsolePage;
import org.wubu.console.api.DashboardTile;
import org.wubu.platform.api.Caller;

/** Builds what one member of staff sees: the menu of the running pages and the dashboard tiles. */
final class ConsoleMenu {

    private ConsoleMenu() {
    }

    static boolean allowed(Caller caller, String permission) {
        return permission == null || permission.isBlank() || caller.hasPermission(permission);
    }

    /**
     * The pages the caller may use, grouped: groups sorted by their first page's order, pages by
     * order then id. Group titles come from {@code group.<id>} in {@code texts}, else the id.
     */
    static List<Map<String, Object>> groups(List<ConsolePage> pages, Caller caller, Locale locale, Map<String, String> texts) {
        List<ConsolePage> visible = new ArrayList<>();
        for (ConsolePage p : pages) {
            if (allowed(caller, p.permission())) {
                visible.add(p);
            }
        }
        visible.sort(Comparator.comparingInt(ConsolePage::order).thenComparing(ConsolePage::id));
        Map<String, List<Map<String, Object>>> grouped = new LinkedHashMap<>();
        for (ConsolePage p : visible) {
            grouped.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(item(p, locale));
        }
        List<Map<String, Object>> result = new ArrayList<>();
        grouped.forEach((group, items) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("id", group);
            g.put("title", texts.getOrDefault("group." + group, group));
            g.put("items", items);
            result.add(g);
        });
        return result;
    }

    private static Map<String, Object> item(ConsolePage p, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("title", p.title(locale));
        m.put("path", ConsolePage.CONSOLE_PATH + p.path());
        m.put("script", p.script());
        m.put("icon", p.icon());
        return m;
    }

    /** The tiles the caller may see with their values; a tile that fails is left out, not the dashboard. */
    static List<Map<String, Object>> tiles(List<DashboardTile> tiles, Caller caller, Locale locale) {
        List<DashboardTile> visible = new ArrayList<>();
        for (DashboardTile t : tiles) {
            if (allowed(caller, t.permission())) {
                visible.add(t);
            }
        }
        visible.sort(Comparator.comparingInt(DashboardTile::order).thenComparing(DashboardTile::id));
        List<Map<String, Object>> result = new ArrayList<>();
        for (DashboardTile t : visible) {
            Optional<String> value;
            try {
                value = t.value(caller, locale);
            } catch (RuntimeException e) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("title", t.title(locale));
            m.put("value", value.orElse(null));
            m.put("link", t.link() == null ? null : ConsolePage.CONSOLE_PATH + t.link());
            result.add(m);
        }
        return result;
    }

    /** True when {@code path} (below /console) is the page's path or below it. */
    static boolean matches(String pagePath, String path) {
        return path.equals(pagePath) || path.startsWith(pagePath + "/");
    }
}
