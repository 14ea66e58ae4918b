package org.wubu.security.internal.password;

import java.util.Objects;

/**
 * One SEC-3 rule a candidate password breaks: a stable code for programs (and audit entries) and
 * the reason in English and Simplified Chinese, with the numbers that matter
 * ("at least 8 characters (got 6)"), ready to show to the person choosing the password.
 */
public record PolicyViolation(String rule, String english, String chinese) {

    public static final String TOO_SHORT = "too-short";
    public static final String STARTS_WITH_DIGIT = "starts-with-digit";
    public static final String TOO_FEW_KINDS = "too-few-kinds";
    public static final String COMMON = "common";
    public static final String REUSED = "reused";
    public static final String CONTAINS_USERNAME = "contains-username";

    public PolicyViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(english, "english");
        Objects.requireNonNull(chinese, "chinese");
    }

    static PolicyViolation tooShort(int min, int got) {
        return new PolicyViolation(TOO_SHORT,
                "The password must have at least " + min + " characters (got " + got + ").",
                "密码至少需要 " + min + " 个字符（当前 " + got + " 个）。");
    }

    static PolicyViolation startsWithDigit() {
        return new PolicyViolation(STARTS_WITH_DIGIT,
                "The password must not start with a digit.",
                "密码不能以数字开头。");
    }

    static PolicyViolation tooFewKinds(int min, int got) {
        return new PolicyViolation(TOO_FEW_KINDS,
                "The password must mix at least " + min + " kinds of characters among letters, digits and symbols (got "
                        + got + ").",
                "密码至少需要包含字母、数字、符号中的 " + min + " 类字符（当前 " + got + " 类）。");
    }

    static PolicyViolation common(int listSize) {
        return new PolicyViolation(COMMON,
                "The password is one of the " + listSize + " most common passwords.",
                "该密码属于最常见的 " + listSize + " 个密码之一。");
    }

    static PolicyViolation reused(int historySize) {
        return new PolicyViolation(REUSED,
                "The password must differ from your last " + historySize + " passwords.",
                "密码不能与最近 " + historySize + " 次使用过的密码相同。");
    }

    static PolicyViolation containsUsername() {
        return new PolicyViolation(CONTAINS_USERNAME,
                "The password must not contain the username.",
                "密码不能包含用户名。");
    }
}
