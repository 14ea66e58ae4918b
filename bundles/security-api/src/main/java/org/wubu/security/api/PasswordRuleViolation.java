package org.wubu.security.api;

/**
 * One password rule a candidate breaks: a stable code ({@code too-short}, {@code starts-with-digit},
 * {@code too-few-kinds}, {@code common}, {@code reused}, {@code contains-username}) and the
 * explanation in English and Chinese.
 */
public record PasswordRuleViolation(String rule, String english, String chinese) {
}
