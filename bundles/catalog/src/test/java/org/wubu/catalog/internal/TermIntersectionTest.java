package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.junit.Test;

/** The leapfrog merge on term lists held in memory (the reader counts what it is asked for). */
public class TermIntersectionTest {

    /** Term lists in memory, read as the index is: in SKU order from a key, at most so many. */
    static final class Lists implements TermCursor.Reader {
        final Map<String, TreeSet<String>> terms = new TreeMap<>();
        int reads;

        Lists term(String term, int n, IntPredicate has) {
            TreeSet<String> skus = terms.computeIfAbsent(term, t -> new TreeSet<>());
            for (int i = 0; i < n; i++) {
                if (has.test(i)) {
                    skus.add(sku(i));
                }
            }
            return this;
        }

        @Override
        public List<String> read(String term, String from, boolean inclusive, int max) {
            reads++;
            List<String> out = new ArrayList<>();
            for (String s : terms.getOrDefault(term, new TreeSet<>()).tailSet(from, inclusive)) {
                if (out.size() == max) {
                    break;
                }
                out.add(s);
            }
            return out;
        }
    }

    static String sku(int i) {
        return String.format(Locale.ROOT, "P-%05d", i);
    }

    static List<String> all(TermIntersection x) {
        List<String> out = new ArrayList<>();
        for (String s = x.next(); s != null; s = x.next()) {
            out.add(s);
        }
        return out;
    }

    static List<String> expected(int n, IntPredicate has) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (has.test(i)) {
                out.add(sku(i));
            }
        }
        return out;
    }

    @Test
    public void everyCommonSkuInOrderForTwoAndThreeTermsAcrossChunkBorders() {
        Lists lists = new Lists().term("red", 5000, i -> i % 10 == 3).term("silk", 5000, i -> i % 8 == 3)
                .term("@home", 5000, i -> i % 3 != 0);
        TermIntersection two = new TermIntersection(lists, List.of("silk", "red"), "", 7, Integer.MAX_VALUE);
        assertEquals(expected(5000, i -> i % 40 == 3), all(two));
        assertTrue(two.exhausted());
        assertTrue("chunks grow: far fewer reads than entries / first chunk", lists.reads < 30);

        TermIntersection three = new TermIntersection(lists, List.of("silk", "red", "@home"), "", 7, Integer.MAX_VALUE);
        assertEquals(expected(5000, i -> i % 40 == 3 && i % 3 != 0), all(three));
        assertEquals("the order of the terms does not matter", expected(5000, i -> i % 40 == 3 && i % 3 != 0),
                all(new TermIntersection(lists, List.of("@home", "silk", "red"), "", 1, Integer.MAX_VALUE)));
    }

    @Test
    public void oneTermIsItsOwnListAndAMissingTermOrDisjointListsGiveNothing() {
        Lists lists = new Lists().term("teacup", 300, i -> i % 20 == 1).term("even", 300, i -> i % 2 == 0)
                .term("odd", 300, i -> i % 2 == 1);
        assertEquals(expected(300, i -> i % 20 == 1), all(new TermIntersection(lists, List.of("teacup"), "", 4, Integer.MAX_VALUE)));
        TermIntersection none = new TermIntersection(lists, List.of("even", "nothing"), "", 4, Integer.MAX_VALUE);
        assertNull(none.next());
        assertTrue(none.exhausted());
        assertEquals(List.of(), all(new TermIntersection(lists, List.of("even", "odd"), "", 4, Integer.MAX_VALUE)));
    }

    @Test
    public void startsAfterTheKeysetCursorAndJumpsOverWhatARareListSkips() {
        Lists lists = new Lists().term("wb", 100_000, i -> true).term("rare", 100_000, i -> i == 50_000 || i == 90_000);
        TermIntersection x = new TermIntersection(lists, List.of("rare", "wb"), sku(50_000), 51, Integer.MAX_VALUE);
        assertEquals(List.of(sku(90_000)), all(x));
        assertTrue("the common list is read from the rare one's SKUs, not walked: " + x.read(), x.read() < 200);
    }

    @Test
    public void aSpentBudgetStopsWithEverythingUpToResolvedDecidedAndNothingMissed() {
        Lists lists = new Lists().term("a", 20_000, i -> i % 3 == 0).term("b", 20_000, i -> i % 7 == 0);
        List<String> want = expected(20_000, i -> i % 21 == 0);
        List<String> got = new ArrayList<>();
        String after = "";
        int pages = 0;
        while (after != null) {
            TermIntersection x = new TermIntersection(lists, List.of("b", "a"), after, 16, 500);
            for (String s = x.next(); s != null; s = x.next()) {
                got.add(s);
            }
            assertTrue("the budget bounds a page's reads (the last read may pass it): " + x.read(), x.read() < 500 + 2 * TermCursor.MAX_CHUNK);
            if (x.exhausted()) {
                after = null;
            } else {
                assertTrue("a stop moves on", x.resolved().compareTo(after) > 0);
                after = x.resolved();
            }
            pages++;
        }
        assertEquals(want, got);
        assertTrue("the budget made the pages end early: " + pages, pages > 5);
    }

    @Test
    public void aBudgetSpentBeforeAnyProgressStillReadsUntilSomethingIsDecided() {
        Lists lists = new Lists().term("a", 1000, i -> i % 2 == 0).term("b", 1000, i -> i == 999);
        TermIntersection x = new TermIntersection(lists, List.of("a", "b"), "", 2, 0);
        assertNull(x.next());
        assertFalse(x.exhausted());
        assertTrue(x.resolved().compareTo("") > 0);
    }
}
