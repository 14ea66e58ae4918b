package org.wubu.console.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;
import org.wubu.console.api.ConsolePage;
import org.wubu.console.api.DashboardTile;
import org.wubu.platform.api.Caller;

public class ConsoleMenuTest {

    private static final Caller PLANNER = new Caller("planner", Set.of("planner"), Set.of("catalog.read", "catalog.price.propose"));
    private static final Caller IT = new Caller("it", Set.of("it-admin"), Set.of("security.*", "audit.read", "monitoring.*"));

    record Page(String id, String path, String group, int order, String permission) implements ConsolePage {
        @Override
        public String title(Locale locale) {
            return (locale.getLanguage().equals("en") ? "EN " : "ZH ") + id;
        }

        @Override
        public String script() {
            return "/console/pages/" + id + ".js";
        }

        @Override
        public String icon() {
            return "dot";
        }
    }

    private static final List<ConsolePage> PAGES = List.of(
            new Page("audit", "/audit", "admin", 500, "audit.read"),
            new Page("approvals", "/approvals", "work", 20, null),
            new Page("dashboard", "/dashboard", "work", 10, null),
            new Page("system", "/system", "admin", 510, "monitoring.read"),
            new Page("prices", "/catalog/prices", "work", 30, "catalog.price.propose"));

    @SuppressWarnings("unchecked")
    private static List<String> ids(List<Map<String, Object>> groups) {
        return groups.stream().flatMap(g -> ((List<Map<String, Object>>) g.get("items")).stream())
                .map(i -> (String) i.get("id")).toList();
    }

    @Test
    public void theMenuShowsOnlyPermittedPagesGroupedAndOrdered() {
        Map<String, String> texts = Map.of("group.work", "Work", "group.admin", "Administration");
        List<Map<String, Object>> planner = ConsoleMenu.groups(PAGES, PLANNER, Locale.ENGLISH, texts);
        assertEquals(List.of("dashboard", "approvals", "prices"), ids(planner));
        assertEquals(1, planner.size());
        assertEquals("Work", planner.get(0).get("title"));

        List<Map<String, Object>> it = ConsoleMenu.groups(PAGES, IT, Locale.ENGLISH, texts);
        assertEquals(List.of("dashboard", "approvals", "audit", "system"), ids(it));
        assertEquals(List.of("work", "admin"), it.stream().map(g -> g.get("id")).toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> audit = ((List<Map<String, Object>>) it.get(1).get("items")).get(0);
        assertEquals("EN audit", audit.get("title"));
        assertEquals("/console/audit", audit.get("path"));
    }

    @Test
    public void anUnknownGroupShowsItsId() {
        var groups = ConsoleMenu.groups(List.of(new Page("x", "/x", "partner", 1, null)), PLANNER, Locale.ENGLISH, Map.of());
        assertEquals("partner", groups.get(0).get("title"));
    }

    @Test
    public void pathsMatchThePageAndBelowOnly() {
        assertTrue(ConsoleMenu.matches("/approvals", "/approvals"));
        assertTrue(ConsoleMenu.matches("/approvals", "/approvals/42"));
        assertFalse(ConsoleMenu.matches("/approvals", "/approvalsX"));
    }

    @Test
    public void tilesAreFilteredAndAFailingTileIsLeftOut() {
        DashboardTile ok = tile("a", 2, null, Optional.of("7"));
        DashboardTile secret = tile("b", 1, "audit.read", Optional.of("1"));
        DashboardTile broken = new DashboardTile() {
            public String id() { return "c"; }
            public String title(Locale l) { return "c"; }
            public Optional<String> value(Caller c, Locale l) { throw new IllegalStateException("down"); }
            public String link() { return null; }
            public String permission() { return null; }
            public int order() { return 0; }
        };
        var planner = ConsoleMenu.tiles(List.of(ok, secret, broken), PLANNER, Locale.ENGLISH);
        assertEquals(1, planner.size());
        assertEquals("7", planner.get(0).get("value"));
        assertEquals("/console/x", planner.get(0).get("link"));
        assertEquals(List.of("b", "a"), ConsoleMenu.tiles(List.of(ok, secret), IT, Locale.ENGLISH).stream().map(m -> m.get("id")).toList());
    }

    private static DashboardTile tile(String id, int order, String permission, Optional<String> value) {
        return new DashboardTile() {
            public String id() { return id; }
            public String title(Locale l) { return id; }
            public Optional<String> value(Caller c, Locale l) { return value; }
            public String link() { return "/x"; }
            public String permission() { return permission; }
            public int order() { return order; }
        };
    }
}
