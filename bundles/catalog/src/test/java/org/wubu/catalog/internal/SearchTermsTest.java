package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.Test;

public class SearchTermsTest {

    @Test
    public void wordsAreLowerCasedAndChineseRunsKeptApart() {
        assertEquals(List.of(new SearchTerms.Token("tea", false), new SearchTerms.Token("lj", false), new SearchTerms.Token("250", false)),
                SearchTerms.tokens("TEA-LJ-250"));
        assertEquals(List.of(new SearchTerms.Token("西湖龙井", true), new SearchTerms.Token("明前特级", true),
                new SearchTerms.Token("250", false), new SearchTerms.Token("克", true)), SearchTerms.tokens("西湖龙井 明前特级 250克"));
        assertEquals(List.of(new SearchTerms.Token("pu", false), new SearchTerms.Token("er", false)), SearchTerms.tokens("Pu'er"));
    }

    @Test
    public void aProductIsIndexedByWordPrefixesAndChineseCharactersAndPairs() {
        Set<String> terms = SearchTerms.of("TEA-LJ-250", "西湖龙井", "West Lake Longjing");
        for (String t : List.of("t", "te", "tea", "lj", "2", "250", "w", "wes", "west", "l", "la", "lake", "lo", "longjing",
                "西", "湖", "龙", "井", "西湖", "湖龙", "龙井")) {
            assertTrue(t + " in " + terms, terms.contains(t));
        }
        assertFalse(terms.contains("西湖龙"));
        Set<String> withCategory = SearchTerms.of("TEA-LJ-250", "西湖龙井", "West Lake Longjing", "tea/green/longjing");
        assertTrue(withCategory.containsAll(List.of("@tea", "@tea/green", "@tea/green/longjing")));
        assertEquals(List.of("@tea/green", "龙井"), SearchTerms.query("龙井", "tea/green").terms());
        assertFalse("no term spans two words", terms.contains("westlake"));
        String longWord = "a".repeat(40);
        assertTrue(SearchTerms.of("X1", "", longWord).stream().allMatch(t -> t.length() <= SearchTerms.MAX_PREFIX));
    }

    @Test
    public void aQueryAsksForEveryTermAndChecksWhatTheIndexCannotProve() {
        SearchTerms.Query q = SearchTerms.query("Lake 西湖龙井");
        assertEquals(List.of("lake", "西湖", "湖龙", "龙井"), q.terms());
        assertEquals(List.of("西湖龙井"), q.hanRuns());
        assertEquals("a Chinese pair drives before a Latin word", "西湖", q.driving());
        assertTrue(q.matches("TEA-LJ-250", "西湖龙井 250克", "West Lake Longjing"));
        assertFalse("all pairs present but not contiguous", q.matches("X", "龙井西湖湖龙", "Lake"));
        assertEquals("a long Latin word drives before a pair", "longjing", SearchTerms.query("Longjing 龙井").driving());
        assertEquals(List.of("龙"), SearchTerms.query("龙").terms());
        assertEquals("tea", SearchTerms.query("t tea").driving());
        assertTrue(SearchTerms.query("  ").isEmpty());
        assertTrue(SearchTerms.query("%_!").isEmpty());
        SearchTerms.Query longOne = SearchTerms.query("x".repeat(30));
        assertEquals(List.of("x".repeat(SearchTerms.MAX_PREFIX)), longOne.terms());
        assertFalse(longOne.matches("X1", "", "x".repeat(26)));
        assertTrue(longOne.matches("X1", "", "x".repeat(31)));
    }
}
