package org.wubu.security.internal.password;

import org.wubu.security.api.PasswordRuleViolation;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.BeforeClass;
import org.junit.Test;
import org.wubu.security.internal.password.PasswordPolicy.Settings;

public class PasswordPolicyTest {

    private static final String USER = "zhang.wei";
    private static final Instant CHANGED = Instant.parse("2026-01-10T02:00:00Z");

    private static PasswordHasher hasher;
    private static PasswordPolicy policy;

    @BeforeClass
    public static void setUp() {
        hasher = new PasswordHasher();
        policy = new PasswordPolicy(Settings.DEFAULTS, hasher);
    }

    // ---- settings -------------------------------------------------------------------------------

    @Test
    public void defaultsAreSec3() {
        assertEquals(new Settings(8, true, 2, true, 5, 90, 14), Settings.DEFAULTS);
    }

    @Test
    public void minimumLengthBelowSixIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Settings(5, true, 2, true, 5, 90, 14));
        assertTrue(e.getMessage(), e.getMessage().contains("at least 6"));
        assertTrue(e.getMessage(), e.getMessage().contains("SEC-3"));
        assertTrue(e.getMessage(), e.getMessage().contains("got 5"));
        assertEquals(6, new Settings(6, true, 2, true, 5, 90, 14).minLength());
    }

    @Test
    public void nonsensicalSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Settings(65, true, 2, true, 5, 90, 14));
        assertThrows(IllegalArgumentException.class, () -> new Settings(8, true, 0, true, 5, 90, 14));
        assertThrows(IllegalArgumentException.class, () -> new Settings(8, true, 4, true, 5, 90, 14));
        assertThrows(IllegalArgumentException.class, () -> new Settings(8, true, 2, true, -1, 90, 14));
        assertThrows(IllegalArgumentException.class, () -> new Settings(8, true, 2, true, 25, 90, 14));
        assertThrows(IllegalArgumentException.class, () -> new Settings(8, true, 2, true, 5, -1, 14));
        assertThrows(IllegalArgumentException.class, () -> new Settings(8, true, 2, true, 5, 90, -1));
        assertThrows(IllegalArgumentException.class, () -> new Settings(8, true, 2, true, 5, 14, 14));
        // With expiry disabled the warning period is irrelevant.
        assertEquals(0, new Settings(8, true, 2, true, 5, 0, 14).maxAgeDays());
    }

    // ---- the four example passwords of the issue --------------------------------------------------

    @Test
    public void refusesPasswordStartingWithDigit() {
        List<PasswordRuleViolation> v = policy.check(USER, "1abcdefg".toCharArray(), List.of());
        assertTrue(rules(v).contains(PasswordRules.STARTS_WITH_DIGIT));
        assertFalse(rules(v).contains(PasswordRules.TOO_SHORT));
        assertFalse(rules(v).contains(PasswordRules.TOO_FEW_KINDS));
        PasswordRuleViolation digit = find(v, PasswordRules.STARTS_WITH_DIGIT);
        assertEquals("The password must not start with a digit.", digit.english());
        assertEquals("密码不能以数字开头。", digit.chinese());
    }

    @Test
    public void refusesPasswordWithOneKindOfCharacters() {
        List<PasswordRuleViolation> v = policy.check(USER, "abcdefgh".toCharArray(), List.of());
        assertEquals(List.of(PasswordRules.TOO_FEW_KINDS), rules(v));
        assertTrue(v.get(0).english(), v.get(0).english().contains("at least 2 kinds"));
        assertTrue(v.get(0).english(), v.get(0).english().contains("(got 1)"));
        assertTrue(v.get(0).chinese(), v.get(0).chinese().contains("2 类字符（当前 1 类）"));
    }

    @Test
    public void refusesCommonPassword() {
        List<PasswordRuleViolation> v = policy.check(USER, "password1".toCharArray(), List.of());
        assertEquals(List.of(PasswordRules.COMMON), rules(v));
        assertTrue(v.get(0).english(), v.get(0).english().contains("most common passwords"));
        assertTrue(v.get(0).chinese(), v.get(0).chinese().contains("最常见"));
        assertEquals("case-insensitive", List.of(PasswordRules.COMMON),
                rules(policy.check(USER, "PassWord1".toCharArray(), List.of())));
    }

    @Test
    public void acceptsGoodPassword() {
        assertEquals(List.of(), policy.check(USER, "Demo-pass-2026".toCharArray(), List.of()));
        assertEquals(List.of(), policy.check(null, "Demo-pass-2026".toCharArray(), null));
    }

    // ---- each rule --------------------------------------------------------------------------------

    @Test
    public void tooShortNamesTheNumbers() {
        List<PasswordRuleViolation> v = policy.check(USER, "Ab-12x".toCharArray(), List.of());
        assertEquals(List.of(PasswordRules.TOO_SHORT), rules(v));
        assertEquals("The password must have at least 8 characters (got 6).", v.get(0).english());
        assertEquals("密码至少需要 8 个字符（当前 6 个）。", v.get(0).chinese());
    }

    @Test
    public void lengthCountsCharactersNotUtf16Units() {
        // Four emoji are eight UTF-16 units but four characters.
        List<PasswordRuleViolation> v = policy.check(USER, "😀😀😀😀Ab1".toCharArray(), List.of());
        assertEquals(List.of(PasswordRules.TOO_SHORT), rules(v));
        assertTrue(v.get(0).english(), v.get(0).english().contains("(got 7)"));
        assertEquals(List.of(), policy.check(USER, "密码安全Ab-9".toCharArray(), List.of()));
    }

    @Test
    public void emptyPasswordBreaksLengthAndKinds() {
        assertEquals(List.of(PasswordRules.TOO_SHORT, PasswordRules.TOO_FEW_KINDS),
                rules(policy.check(USER, new char[0], List.of())));
    }

    @Test
    public void anyUnicodeDigitCountsAsLeadingDigit() {
        assertEquals(List.of(PasswordRules.STARTS_WITH_DIGIT),
                rules(policy.check(USER, "１Demo-pass".toCharArray(), List.of()))); // full-width 1
    }

    @Test
    public void kindsAreLettersDigitsAndSymbols() {
        assertEquals(1, PasswordPolicy.kinds("密码密码密码密码".toCharArray())); // Chinese characters are letters
        assertEquals(1, PasswordPolicy.kinds("12345678".toCharArray()));
        assertEquals(1, PasswordPolicy.kinds("-_-_ !?".toCharArray()));
        assertEquals(2, PasswordPolicy.kinds("correct horse".toCharArray())); // a space is a symbol
        assertEquals(2, PasswordPolicy.kinds("abc123".toCharArray()));
        assertEquals(3, PasswordPolicy.kinds("Demo-pass-2026".toCharArray()));
        assertEquals(List.of(PasswordRules.TOO_FEW_KINDS), rules(policy.check(USER, "密码密码密码密码".toCharArray(), List.of())));
    }

    @Test
    public void refusesPasswordEqualToOrContainingTheUsername() {
        List<PasswordRuleViolation> v = policy.check("ZhangWei", "zhangwei-2026".toCharArray(), List.of());
        assertEquals(List.of(PasswordRules.CONTAINS_USERNAME), rules(v));
        assertEquals("The password must not contain the username.", v.get(0).english());
        assertEquals("密码不能包含用户名。", v.get(0).chinese());
        assertTrue(rules(policy.check("zhang.wei", "ZHANG.WEI".toCharArray(), List.of())).contains(PasswordRules.CONTAINS_USERNAME));
        assertEquals(List.of(PasswordRules.CONTAINS_USERNAME),
                rules(policy.check(" lisa ", "Mona-LISA-2026".toCharArray(), List.of())));
        assertEquals(List.of(), policy.check("lisa", "Mona-LIS!-2026".toCharArray(), List.of()));
    }

    @Test
    public void veryShortUsernamesOnlyCountAsTheWholePassword() {
        // "li" is a common Chinese family name; "Climb" must not be refused because of it.
        assertEquals(List.of(), policy.check("li", "Climb-2026".toCharArray(), List.of()));
        assertTrue(PasswordPolicy.containsUsername("LI".toCharArray(), "li"));
        assertFalse(PasswordPolicy.containsUsername("Climb".toCharArray(), "li"));
        assertFalse(PasswordPolicy.containsUsername("Climb".toCharArray(), "  "));
    }

    @Test
    public void refusesOneOfTheLastPasswords() {
        char[] candidate = "Demo-pass-2026".toCharArray();
        // One Argon2id hash plus cheap PBKDF2 ones; newest first, the current password included.
        List<String> history = List.of(
                hasher.hash("Winter-2025!".toCharArray()),
                hasher.hashPbkdf2("Autumn-2025!".toCharArray(), 1000),
                hasher.hashPbkdf2("Demo-pass-2026".toCharArray(), 1000),
                "corrupt stored value");
        List<PasswordRuleViolation> v = policy.check(USER, candidate, history);
        assertEquals(List.of(PasswordRules.REUSED), rules(v));
        assertEquals("The password must differ from your last 5 passwords.", v.get(0).english());
        assertEquals("密码不能与最近 5 次使用过的密码相同。", v.get(0).chinese());

        // Only the newest historySize hashes count.
        PasswordPolicy shortMemory = new PasswordPolicy(new Settings(8, true, 2, true, 2, 90, 14), hasher);
        assertEquals(List.of(), shortMemory.check(USER, candidate, history));
        PasswordPolicy noMemory = new PasswordPolicy(new Settings(8, true, 2, true, 0, 90, 14), hasher);
        assertEquals(List.of(), noMemory.check(USER, candidate, history));
        assertEquals(List.of(), policy.check(USER, "Spring-2026!".toCharArray(), history));
    }

    @Test
    public void historyIsOnlyCheckedForOtherwiseAcceptablePasswords() {
        List<String> history = List.of(hasher.hashPbkdf2("abcdefgh".toCharArray(), 1000));
        assertEquals(List.of(PasswordRules.TOO_FEW_KINDS), rules(policy.check(USER, "abcdefgh".toCharArray(), history)));
    }

    @Test
    public void everyBrokenRuleIsReported() {
        // Too short, leading digit, one kind, the username and common, all at once.
        List<PasswordRuleViolation> v = policy.check("123456", "123456".toCharArray(), List.of());
        assertEquals(List.of(PasswordRules.TOO_SHORT, PasswordRules.STARTS_WITH_DIGIT, PasswordRules.TOO_FEW_KINDS,
                PasswordRules.CONTAINS_USERNAME, PasswordRules.COMMON), rules(v));
        for (PasswordRuleViolation violation : v) {
            assertFalse(violation.english().isBlank());
            assertFalse(violation.chinese().isBlank());
        }
    }

    @Test
    public void configuredRulesApply() {
        PasswordPolicy strict = new PasswordPolicy(new Settings(12, true, 3, true, 5, 90, 14), hasher);
        List<PasswordRuleViolation> v = strict.check(USER, "Demo-pass-1".toCharArray(), List.of());
        assertEquals(List.of(PasswordRules.TOO_SHORT), rules(v));
        assertTrue(v.get(0).english(), v.get(0).english().contains("at least 12 characters (got 11)"));
        assertEquals(List.of(PasswordRules.TOO_FEW_KINDS), rules(strict.check(USER, "Demopass2026".toCharArray(), List.of())));
        assertEquals(List.of(), strict.check(USER, "Demo-pass-2026".toCharArray(), List.of()));

        PasswordPolicy lax = new PasswordPolicy(new Settings(6, false, 1, false, 0, 0, 0), hasher);
        assertEquals(List.of(), lax.check(USER, "1abcdefg".toCharArray(), List.of()));
        assertEquals(List.of(), lax.check(USER, "password1".toCharArray(), List.of()));
        assertEquals(List.of(), lax.check(USER, "abcdef".toCharArray(), List.of()));
    }

    @Test
    public void aCustomListCanBeUsed() {
        PasswordPolicy custom = new PasswordPolicy(Settings.DEFAULTS, hasher, new CommonPasswords(List.of("Wubu-shop-1")));
        assertEquals(List.of(PasswordRules.COMMON), rules(custom.check(USER, "wubu-SHOP-1".toCharArray(), List.of())));
        assertTrue(custom.check(USER, "wubu-SHOP-1".toCharArray(), List.of()).get(0).english().contains("the 1 most common"));
    }

    @Test
    public void candidateIsNotModified() {
        char[] candidate = "Demo-pass-2026".toCharArray();
        policy.check(USER, candidate, List.of());
        assertEquals("Demo-pass-2026", new String(candidate));
    }

    // ---- expiry -----------------------------------------------------------------------------------

    @Test
    public void freshPasswordIsOk() {
        ExpiryStatus s = policy.expiry(CHANGED, CHANGED.plus(Duration.ofDays(10)));
        assertEquals(ExpiryStatus.State.OK, s.state());
        assertEquals(CHANGED.plus(Duration.ofDays(90)), s.expiresAt());
        assertEquals(80, s.daysLeft());
        assertFalse(s.warn());
        assertFalse(s.mustChange());
    }

    @Test
    public void warnsFromFourteenDaysBeforeExpiry() {
        Instant expiresAt = CHANGED.plus(Duration.ofDays(90));
        ExpiryStatus justBefore = policy.expiry(CHANGED, expiresAt.minus(Duration.ofDays(14)).minusSeconds(1));
        assertEquals(ExpiryStatus.State.OK, justBefore.state());
        assertEquals(15, justBefore.daysLeft());

        ExpiryStatus first = policy.expiry(CHANGED, expiresAt.minus(Duration.ofDays(14)));
        assertEquals(ExpiryStatus.State.WARN, first.state());
        assertEquals(14, first.daysLeft());
        assertTrue(first.warn());

        ExpiryStatus lastHours = policy.expiry(CHANGED, expiresAt.minus(Duration.ofHours(5)));
        assertEquals(ExpiryStatus.State.WARN, lastHours.state());
        assertEquals("rounded up", 1, lastHours.daysLeft());
    }

    @Test
    public void expiresAfterNinetyDays() {
        Instant expiresAt = CHANGED.plus(Duration.ofDays(90));
        ExpiryStatus s = policy.expiry(CHANGED, expiresAt);
        assertEquals(ExpiryStatus.State.EXPIRED, s.state());
        assertEquals(0, s.daysLeft());
        assertTrue(s.mustChange());
        assertEquals(ExpiryStatus.State.EXPIRED, policy.expiry(CHANGED, expiresAt.plus(Duration.ofDays(400))).state());
    }

    @Test
    public void zeroMaxAgeDisablesExpiry() {
        PasswordPolicy never = new PasswordPolicy(new Settings(8, true, 2, true, 5, 0, 14), hasher);
        ExpiryStatus s = never.expiry(CHANGED, CHANGED.plus(Duration.ofDays(3650)));
        assertEquals(ExpiryStatus.State.OK, s.state());
        assertNull(s.expiresAt());
        assertEquals(-1, s.daysLeft());
        assertFalse(s.mustChange());
        assertFalse(s.warn());
    }

    @Test
    public void zeroWarnDaysMeansNoWarning() {
        PasswordPolicy silent = new PasswordPolicy(new Settings(8, true, 2, true, 5, 30, 0), hasher);
        assertEquals(ExpiryStatus.State.OK, silent.expiry(CHANGED, CHANGED.plus(Duration.ofDays(30)).minusSeconds(1)).state());
        assertEquals(ExpiryStatus.State.EXPIRED, silent.expiry(CHANGED, CHANGED.plus(Duration.ofDays(30))).state());
    }

    private static List<String> rules(List<PasswordRuleViolation> violations) {
        return violations.stream().map(PasswordRuleViolation::rule).collect(Collectors.toList());
    }

    private static PasswordRuleViolation find(List<PasswordRuleViolation> violations, String rule) {
        return violations.stream().filter(v -> v.rule().equals(rule)).findFirst().orElseThrow();
    }
}
