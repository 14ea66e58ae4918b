package org.wubu.catalog.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The SKUs that are on every one of several terms' lists, in SKU order, after a keyset cursor: a leapfrog
 * merge of {@link TermCursor}s. The candidate is the largest head; a list behind it is moved to the first SKU
 * at or after the candidate (inside its buffer, or by one read that starts there); when every list stands on
 * the candidate it is a match. Only index entries are read; products are loaded for matches alone, so a rare
 * combination of two common words costs reading the two lists over the matches' range, not loading the
 * products of the commoner word.
 *
 * <p>The scan budget counts the entries read by all lists together. When it runs out the intersection stops
 * before its next read and {@link #resolved()} says how far every SKU is decided, so that a page can end
 * early and the next page continue from there without missing a match.
 */
final class TermIntersection {

    private final List<TermCursor> cursors;
    private final int budget;
    private final String start;
    /** Every SKU up to this one (inclusive) is decided: matched and handed out, or not on some list. */
    private String resolved;
    private boolean exhausted;
    private boolean stopped;
    private String last;

    /**
     * @param terms the terms, the one likely to have the fewest entries first (it sets the first candidates)
     * @param after the keyset cursor (exclusive), or "" for the start
     * @param firstChunk how many entries each list reads first
     * @param budget most entries read in all (the reads go on past it only until something is decided)
     */
    TermIntersection(TermCursor.Reader reader, List<String> terms, String after, int firstChunk, int budget) {
        this.cursors = new ArrayList<>(terms.size());
        for (String t : terms) {
            cursors.add(new TermCursor(reader, t, firstChunk));
        }
        this.budget = budget;
        this.start = after;
        this.resolved = after;
        this.last = after;
    }

    /** The next SKU on every list, or null when there is none (exhausted) or the budget ran out (stopped). */
    String next() {
        if (exhausted || stopped) {
            return null;
        }
        TermCursor.Budget mayRead = () -> read() < budget || !movedOn();
        String candidate = last;
        boolean inclusive = false; // the first list moves past the last match; the others to the candidate
        int agreeing = 0;
        int i = 0;
        while (true) {
            TermCursor c = cursors.get(i);
            TermCursor.Result r = c.seek(candidate, inclusive, mayRead);
            resolved = TermCursor.max(resolved, c.passed());
            if (r.sku() == null) {
                if (r.stopped()) {
                    stopped = true;
                } else {
                    exhausted = true;
                }
                return null;
            }
            if (inclusive && r.sku().equals(candidate)) {
                agreeing++;
            } else {
                candidate = r.sku();
                agreeing = 1;
                // every SKU below the new candidate is missing from this list, so it is decided
                inclusive = true;
            }
            if (agreeing == cursors.size()) {
                last = candidate;
                resolved = TermCursor.max(resolved, candidate);
                return candidate;
            }
            i = (i + 1) % cursors.size();
        }
    }

    /** Whether something after the start is decided (a list passed over a SKU, or a match was handed out). */
    private boolean movedOn() {
        for (TermCursor c : cursors) {
            resolved = TermCursor.max(resolved, c.passed());
        }
        return resolved.compareTo(start) > 0;
    }

    /** Whether the lists have no further common SKU (as opposed to a stop for the budget). */
    boolean exhausted() {
        return exhausted;
    }

    /** The largest SKU up to which everything is decided (the keyset cursor to continue after a stop). */
    String resolved() {
        return resolved;
    }

    /** Index entries read so far by all lists. */
    int read() {
        int n = 0;
        for (TermCursor c : cursors) {
            n += c.read();
        }
        return n;
    }
}
