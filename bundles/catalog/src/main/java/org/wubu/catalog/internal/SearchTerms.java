package org.wubu.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How products are found by text, without reading every product: the terms a product is indexed by
 * (CAT_PRODUCT_TERM) and the terms a search text asks for. Both sides split text the same way:
 * <ul>
 * <li>runs of letters and digits (not Chinese) are words, lower-cased: SKU segments ({@code TEA-LJ-250}
 * gives {@code tea}, {@code lj}, {@code 250}) and the words of both titles; a product is indexed by every
 * prefix of each word (up to {@link #MAX_PREFIX} characters), so "a word starts with x" is one exact lookup;</li>
 * <li>runs of Chinese characters give every single character and every pair of neighbours, so any part of
 * two characters or more of a Chinese title is found through its pairs, and a single character directly.</li>
 * </ul>
 * A search is the AND of its terms (at most {@link #MAX_QUERY_TERMS} are looked up, the rest checked). A
 * product also has the term {@code @path} of its category and of every category above it, so that "in this
 * category or below" is one more term. Pairs do not prove that a longer Chinese text is contiguous, and a
 * word longer than {@link #MAX_PREFIX} is looked up by its first characters: {@link Query#matches} checks
 * those on the product itself.
 */
final class SearchTerms {

    /** Longest prefix stored (and looked up); longer words are checked on the product. */
    static final int MAX_PREFIX = 24;
    /** Most terms one search may ask for (a longer text is cut, the rest checked on the product). */
    static final int MAX_QUERY_TERMS = 12;

    private SearchTerms() {
    }

    /** A piece of text: a lower-cased word of letters/digits, or a run of Chinese characters. */
    record Token(String text, boolean han) {
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** Splits text into words (letters and digits, lower-cased) and runs of Chinese characters. */
    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean currentHan = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean han = isHan(cp);
            boolean word = !han && Character.isLetterOrDigit(cp);
            if ((!han && !word) || (current.length() > 0 && han != currentHan)) {
                flush(out, current, currentHan);
            }
            if (han || word) {
                current.appendCodePoint(han ? cp : Character.toLowerCase(cp));
                currentHan = han;
            }
        }
        flush(out, current, currentHan);
        return out;
    }

    private static void flush(List<Token> out, StringBuilder current, boolean han) {
        if (current.length() > 0) {
            out.add(new Token(current.toString().toLowerCase(Locale.ROOT), han));
            current.setLength(0);
        }
    }

    /** Marks category terms; text never yields it (its terms are letters, digits and Chinese characters). */
    static final String CATEGORY = "@";

    /** The term of a category: products in it or in a category below it have it. */
    static String category(String path) {
        return CATEGORY + path;
    }

    /** Every term a product is found by: its text terms and its category with every category above it. */
    static Set<String> of(String sku, String titleZh, String titleEn, String category) {
        Set<String> terms = of(sku, titleZh, titleEn);
        for (String p = category; p != null && !p.isEmpty(); p = p.lastIndexOf('/') < 0 ? null : p.substring(0, p.lastIndexOf('/'))) {
            terms.add(category(p));
        }
        return terms;
    }

    /** Every text term a product is found by. */
    static Set<String> of(String sku, String titleZh, String titleEn) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : new String[] {sku, titleEn, titleZh}) {
            for (Token t : tokens(text)) {
                if (t.han()) {
                    int[] cps = t.text().codePoints().toArray();
                    for (int i = 0; i < cps.length; i++) {
                        terms.add(new String(cps, i, 1));
                        if (i + 1 < cps.length) {
                            terms.add(new String(cps, i, 2));
                        }
                    }
                } else {
                    String w = t.text();
                    for (int n = 1; n <= Math.min(w.length(), MAX_PREFIX); n++) {
                        if (n < w.length() && Character.isHighSurrogate(w.charAt(n - 1))) {
                            continue; // never cut a character in two
                        }
                        terms.add(w.substring(0, n));
                    }
                }
            }
        }
        return terms;
    }

    /**
     * What a search text asks for: the terms to look up (all must be present) and what must be checked on
     * the product because the terms cannot prove it.
     */
    record Query(List<String> terms, List<String> extraTerms, List<String> hanRuns, List<String> longWords) {

        boolean isEmpty() {
            return terms.isEmpty();
        }

        /**
         * The term to read the index by: the one likely to match the fewest products (a Chinese pair or
         * character before short Latin prefixes; longer prefixes before shorter ones).
         */
        String driving() {
            String best = null;
            int bestWeight = -1;
            for (String t : terms) {
                int w = t.startsWith(CATEGORY) ? 5
                        : isHan(t.codePointAt(0)) ? (t.codePointCount(0, t.length()) == 2 ? 6 : 3) : t.length();
                if (w > bestWeight) {
                    best = t;
                    bestWeight = w;
                }
            }
            return best;
        }

        /** The checks the index cannot make: long Chinese texts are contiguous, long words really start so. */
        boolean matches(String sku, String titleZh, String titleEn) {
            String zh = titleZh == null ? "" : titleZh;
            for (String run : hanRuns) {
                if (!zh.contains(run)) {
                    return false;
                }
            }
            if (!extraTerms.isEmpty() && !of(sku, titleZh, titleEn).containsAll(extraTerms)) {
                return false;
            }
            if (longWords.isEmpty()) {
                return true;
            }
            List<String> words = new ArrayList<>();
            for (String text : new String[] {sku, titleEn, titleZh}) {
                for (Token t : tokens(text)) {
                    if (!t.han()) {
                        words.add(t.text());
                    }
                }
            }
            for (String lw : longWords) {
                if (words.stream().noneMatch(w -> w.startsWith(lw))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A search text within a category (null: any); blank text and no category ask for nothing. */
    static Query query(String text, String category) {
        Query q = query(text);
        if (category == null) {
            return q;
        }
        List<String> terms = new ArrayList<>(q.terms());
        terms.add(0, category(category));
        return new Query(List.copyOf(terms), q.extraTerms(), q.hanRuns(), q.longWords());
    }

    /** Parses a search text; blank text asks for nothing. */
    static Query query(String text) {
        Set<String> terms = new LinkedHashSet<>();
        List<String> hanRuns = new ArrayList<>();
        List<String> longWords = new ArrayList<>();
        for (Token t : tokens(text)) {
            if (t.han()) {
                int[] cps = t.text().codePoints().toArray();
                if (cps.length == 1) {
                    terms.add(t.text());
                } else {
                    for (int i = 0; i + 1 < cps.length; i++) {
                        terms.add(new String(cps, i, 2));
                    }
                    if (cps.length > 2) {
                        hanRuns.add(t.text());
                    }
                }
            } else if (t.text().length() > MAX_PREFIX) {
                terms.add(t.text().substring(0, MAX_PREFIX));
                longWords.add(t.text());
            } else {
                terms.add(t.text());
            }
        }
        List<String> list = new ArrayList<>(terms);
        // a very long text: only the first terms are looked up, the others are checked on the product
        List<String> extra = list.size() > MAX_QUERY_TERMS ? list.subList(MAX_QUERY_TERMS, list.size()) : List.of();
        List<String> lookups = list.size() > MAX_QUERY_TERMS ? list.subList(0, MAX_QUERY_TERMS) : list;
        return new Query(List.copyOf(lookups), List.copyOf(extra), List.copyOf(hanRuns), List.copyOf(longWords));
    }
}
