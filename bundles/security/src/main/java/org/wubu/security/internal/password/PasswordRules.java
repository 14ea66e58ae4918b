package org.wubu.security.internal.password;

import org.wubu.security.api.PasswordRuleViolation;

/**
 * The SEC-3 rules a candidate password can break, as {@link PasswordRuleViolation}s: a stable
 * code for programs (and audit entries) and the reason in English and Simplified Chinese, with the numbers that matter
 * ("at least 8 characters (got 6)"), ready to show to the person choosing the password.
 */
public final class PasswordRules {

    public static final String TOO_SHORT = "too-short";
    public static final String STARTS_WITH_DIGIT = "starts-with-digit";
    public static final String TOO_FEW_KINDS = "too-few-kinds";
    public static final String COMMON = "common";
    public static final String REUSED = "reused";
    public static final String CONTAINS_USERNAME = "contains-username";

    private PasswordRules() {
    }

    static PasswordRuleViolation tooShort(int min, int got) {
        return new PasswordRuleViolation(TOO_SHORT,
                "The password must have at least " + min + " characters (got " + got + ").",
                "密码至少需要 " + min + " 个字符（当前 " + got + " 个）。");
    }

    static PasswordRuleViolation startsWithDigit() {
        return new PasswordRuleViolation(STARTS_WITH_DIGIT,
                "The password must not start with a digit.",
                "密码不能以数字开头。");
    }

    static PasswordRuleViolation tooFewKinds(int min, int got) {
        return new PasswordRuleViolation(TOO_FEW_KINDS,
                "The password must mix at least " + min + " kinds of characters among letters, digits and symbols (got "
                        + got + ").",
                "密码至少需要包含字母、数字、符号中的 " + min + " 类字符（当前 " + got + " 类）。");
    }

    static PasswordRuleViolation common(int listSize) {
        return new PasswordRuleViolation(COMMON,
                "The password is one of the " + listSize + " most common passwords.",
                "该密码属于最常见的 " + listSize + " 个密码之一。");
    }

    static PasswordRuleViolation reused(int historySize) {
        return new PasswordRuleViolation(REUSED,
                "The password must differ from your last " + historySize + " passwords.",
                "密码不能与最近 " + historySize + " 次使用过的密码相同。");
    }

    static PasswordRuleViolation containsUsername() {
        return new PasswordRuleViolation(CONTAINS_USERNAME,
                "The password must not contain the username.",
                "密码不能包含用户名。");
    }
}
