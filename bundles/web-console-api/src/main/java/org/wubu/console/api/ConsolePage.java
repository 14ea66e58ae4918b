package org.wubu.console.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page of the staff web console, registered as an OSGi service by the bundle that owns it.
 * The console's menu lists the pages whose bundles run now and whose {@link #permission()} the
 * logged-in member of staff holds, grouped by {@link #group()} and sorted by {@link #order()}.
 *
 * <p>The page itself is an ES module ({@link #script()}) that the owning bundle serves in the
 * console's servlet context ({@link #CONTEXT_SELECT}); it exports {@code render(ctx)}, which draws
 * into {@code ctx.root} with the console's UI kit. Its data comes from the owning area's REST API.
 * All texts a page shows come from {@link #messages(Locale)} in both {@link #LANGUAGES}.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ConsolePage {

    /** Name of the console's servlet context: page bundles serve their modules in it. */
    String CONTEXT_NAME = "wubu.console";
    /** Filter for {@code osgi.http.whiteboard.context.select} to join the console's context. */
    String CONTEXT_SELECT = "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")";
    /** Where the console answers; {@link #path()} and {@link #script()} are below it. */
    String CONSOLE_PATH = "/console";
    /** The languages every text must exist in; the first is the shop's default. */
    List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    /** Stable id, unique among pages, e.g. {@code approvals} or {@code catalog.products}. */
    String id();

    /** The menu entry's text in the given language (one of {@link #LANGUAGES}). */
    String title(Locale locale);

    /**
     * Path below {@link #CONSOLE_PATH}, starting with a slash and without a trailing one, e.g.
     * {@code /approvals}; the page also answers below it ({@code /approvals/42}).
     */
    String path();

    /** URL path of the page's ES module, served by the owning bundle, e.g. {@code /console/pages/system/system.js}. */
    String script();

    /**
     * Name of the menu icon from the console's icon set ({@code dashboard}, {@code user}, {@code inbox},
     * {@code users}, {@code log}, {@code server}, {@code database}, {@code box}, {@code cart}, {@code chat}, {@code chart},
     * {@code cog}, {@code key});
     * an unknown name shows a neutral icon.
     */
    String icon();

    /** Menu group id, e.g. {@code work}, {@code admin}; its title is the message {@code group.<id>}. */
    String group();

    /** Position in the group, smaller first. */
    int order();

    /** Permission needed to see the page (its REST calls check their own), or null for every member of staff. */
    String permission();

    /**
     * Texts the page's module uses, by key, in the given language; every key must exist in every one
     * of {@link #LANGUAGES}. Keys should start with the page's {@link #id()} to stay unique.
     */
    default Map<String, String> messages(Locale locale) {
        return Map.of();
    }
}
