package org.wubu.console.api;

import java.util.Locale;
import java.util.Optional;
import org.wubu.platform.api.Caller;

/**
 * A figure on the console's dashboard ("Orders to confirm: 12"), registered as an OSGi service by
 * the bundle that owns the data. The dashboard shows the tiles whose bundles run now and whose
 * {@link #permission()} the member of staff holds, sorted by {@link #order()}.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface DashboardTile {

    /** Stable id, unique among tiles. */
    String id();

    /** The tile's caption in the given language (one of {@link ConsolePage#LANGUAGES}). */
    String title(Locale locale);

    /**
     * The figure for this caller, already formatted for the language (a count, an amount with its
     * currency, a state word), or empty when there is nothing to show. Must answer quickly: the
     * dashboard asks every tile on each visit.
     */
    Optional<String> value(Caller caller, Locale locale);

    /** Console path the tile links to (e.g. {@code /approvals}), or null. */
    String link();

    /** Permission needed to see the tile, or null for every member of staff. */
    String permission();

    /** Position on the dashboard, smaller first. */
    int order();
}
