package org.wubu.console.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.wubu.console.api.ConsolePage;
import org.wubu.console.api.DashboardTile;

/**
 * The console pages and dashboard tiles that running bundles offer right now. It also remembers
 * every page path it has seen since the console started, so that a page whose bundle has stopped
 * answers "this module is not running" instead of "no such page".
 */
@Component(service = PageRegistry.class)
public class PageRegistry {

    /** A page that was registered once: enough to name it while its bundle is stopped. */
    record SeenPage(String path, String titleZh, String titleEn, String bundle) {
        String title(Locale locale) {
            return Languages.tag(locale).equals("en") ? titleEn : titleZh;
        }
    }

    private final List<ConsolePage> pages = new CopyOnWriteArrayList<>();
    private final List<DashboardTile> tiles = new CopyOnWriteArrayList<>();
    private final Map<String, SeenPage> seen = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPage(ConsolePage page, ServiceReference<ConsolePage> ref) {
        String path = page.path();
        if (path == null || !path.startsWith("/") || path.endsWith("/") || path.startsWith("/assets")
                || path.startsWith("/messages") || path.equals("/login") || path.startsWith("/pages/")) {
            org.slf4j.LoggerFactory.getLogger(PageRegistry.class).warn(
                    "Console page '{}' of bundle {} ignored: its path '{}' must start with '/', not end with '/', and not be a"
                            + " path of the console itself (/login, /assets, /messages, /pages)",
                    page.id(), ref.getBundle().getSymbolicName(), path);
            return;
        }
        pages.add(page);
        seen.put(path, new SeenPage(path, page.title(Locale.SIMPLIFIED_CHINESE), page.title(Locale.ENGLISH),
                ref.getBundle().getSymbolicName()));
    }

    void removePage(ConsolePage page) {
        pages.remove(page);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTile(DashboardTile tile) {
        tiles.add(tile);
    }

    void removeTile(DashboardTile tile) {
        tiles.remove(tile);
    }

    List<ConsolePage> pages() {
        return List.copyOf(pages);
    }

    List<DashboardTile> tiles() {
        return List.copyOf(tiles);
    }

    /** The running page that serves {@code path} (below /console), the longest match first. */
    Optional<ConsolePage> running(String path) {
        ConsolePage best = null;
        for (ConsolePage p : pages) {
            if (ConsoleMenu.matches(p.path(), path) && (best == null || p.path().length() > best.path().length())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A page seen before at {@code path} whose bundle no longer offers it. */
    Optional<SeenPage> stopped(String path) {
        SeenPage best = null;
        for (SeenPage s : seen.values()) {
            if (ConsoleMenu.matches(s.path(), path) && (best == null || s.path().length() > best.path().length())) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }
}
