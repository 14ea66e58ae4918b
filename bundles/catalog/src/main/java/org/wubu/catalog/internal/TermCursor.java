package org.wubu.catalog.internal;

import java.util.Collections;
import java.util.List;

/**
 * One term's SKU list of the term index, read forward in keyset chunks (only the SKU column of the (TERM, SKU)
 * primary key: a covering index read, no product rows).
 *
 * <p>Chunks grow (doubling up to {@link #MAX_CHUNK}) while the list keeps being read, so a term that a page
 * needs only a few entries of costs one small read, and a common term that a rare combination walks far into
 * costs a few large reads instead of many small ones. A chunk starts at the SKU the reader asks for
 * ({@code SKU >= target}), so a list far behind the others jumps ahead instead of reading what lies between.
 */
final class TermCursor {

    /** Most entries one read asks for. */
    static final int MAX_CHUNK = 1024;

    /** Reads at most {@code max} SKUs of a term in SKU order, from {@code from} (inclusive or not). */
    @FunctionalInterface
    interface Reader {
        List<String> read(String term, String from, boolean inclusive, int max);
    }

    /** Says whether one more read may be made (the page's scan budget). */
    @FunctionalInterface
    interface Budget {
        boolean mayRead();
    }

    private final Reader reader;
    private final String term;
    private int chunk;
    private List<String> buffer = Collections.emptyList();
    private int pos;
    /** Whether entries may follow the buffer. */
    private boolean more = true;
    /** The largest SKU this list passed over (smaller than what it was asked for), or null. */
    private String passed;
    private int read;

    TermCursor(Reader reader, String term, int firstChunk) {
        this.reader = reader;
        this.term = term;
        this.chunk = Math.max(1, Math.min(firstChunk, MAX_CHUNK));
    }

    String term() {
        return term;
    }

    /** How many entries this list has read. */
    int read() {
        return read;
    }

    /** The largest SKU this list passed over on its way to what it was asked for, or null. */
    String passed() {
        return passed;
    }

    /**
     * The list's first SKU at or after {@code target} (after it when {@code inclusive} is false), or null
     * when the list has none. Reads another chunk only when the buffer is used up, and only if the budget
     * allows it; {@link Result#STOPPED} says that it did not.
     */
    Result seek(String target, boolean inclusive, Budget budget) {
        while (true) {
            int i = firstAtOrAfter(target, inclusive);
            if (i > pos) {
                passed = max(passed, buffer.get(i - 1));
            }
            pos = i;
            if (pos < buffer.size()) {
                return Result.at(buffer.get(pos));
            }
            if (!more) {
                return Result.END;
            }
            if (!budget.mayRead()) {
                return Result.STOPPED;
            }
            int size = chunk;
            buffer = reader.read(term, target, inclusive, size);
            pos = 0;
            read += buffer.size();
            more = buffer.size() == size;
            chunk = Math.min(chunk * 2, MAX_CHUNK);
        }
    }

    /** The index of the buffer's first SKU at or after the target (binary search from the position). */
    private int firstAtOrAfter(String target, boolean inclusive) {
        int lo = pos;
        int hi = buffer.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = buffer.get(mid).compareTo(target);
            if (c < 0 || (c == 0 && !inclusive)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static String max(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    /** What a seek found: a SKU, the end of the list, or a stop because the budget ran out. */
    record Result(String sku, boolean stopped) {
        static final Result END = new Result(null, false);
        static final Result STOPPED = new Result(null, true);

        static Result at(String sku) {
            return new Result(sku, false);
        }
    }
}
