package org.wubu.security.internal.password;

import org.wubu.security.api.PasswordRuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shop's password rule SEC-3: which new passwords are acceptable, and when one expires.
 *
 * <p>{@link #check} returns every rule a candidate breaks (empty = acceptable), each with its
 * reason in English and Chinese, so the form can show them all at once. Stateless apart from its
 * settings; thread-safe.
 */
public final class PasswordPolicy {

    /**
     * The configurable part of SEC-3. The defaults are the rule's own values; the constructor refuses
     * settings the rule does not allow (a minimum length below 6) or that make no sense.
     *
     * @param minLength                  fewest characters (Unicode code points); SEC-3 floor 6, default 8
     * @param requireNotStartingWithDigit refuse passwords whose first character is a digit
     * @param minKinds                   how many of letters, digits, symbols must occur (1..3)
     * @param rejectCommon               refuse passwords on the common-password list
     * @param historySize                how many previous passwords of the account may not be reused (0 = none)
     * @param maxAgeDays                 days until a password expires (0 = never)
     * @param warnDays                   warn this many days before expiry (0 = no warning)
     */
    public record Settings(int minLength, boolean requireNotStartingWithDigit, int minKinds, boolean rejectCommon,
                           int historySize, int maxAgeDays, int warnDays) {

        /** SEC-3: no configuration may go below this minimum length. */
        public static final int MIN_LENGTH_FLOOR = 6;
        /** Sanity bound: NIST asks that passwords of up to 64 characters be allowed, so no minimum above it. */
        static final int MIN_LENGTH_CEILING = 64;
        /** Every remembered password costs one Argon2 verification per change; keep that bounded. */
        static final int MAX_HISTORY = 24;

        public static final Settings DEFAULTS = new Settings(8, true, 2, true, 5, 90, 14);

        public Settings {
            if (minLength < MIN_LENGTH_FLOOR) {
                throw new IllegalArgumentException("Password minimum length must be at least " + MIN_LENGTH_FLOOR
                        + " (rule SEC-3), got " + minLength);
            }
            if (minLength > MIN_LENGTH_CEILING) {
                throw new IllegalArgumentException("Password minimum length must be at most " + MIN_LENGTH_CEILING
                        + ", got " + minLength);
            }
            if (minKinds < 1 || minKinds > 3) {
                throw new IllegalArgumentException("Kinds of characters required must be 1..3 (letters, digits, symbols), got "
                        + minKinds);
            }
            if (historySize < 0 || historySize > MAX_HISTORY) {
                throw new IllegalArgumentException("Password history size must be 0.." + MAX_HISTORY + ", got " + historySize);
            }
            if (maxAgeDays < 0) {
                throw new IllegalArgumentException("Password maximum age must be 0 (never expires) or more days, got " + maxAgeDays);
            }
            if (warnDays < 0 || (maxAgeDays > 0 && warnDays >= maxAgeDays)) {
                throw new IllegalArgumentException("Password expiry warning must be 0.." + Math.max(0, maxAgeDays - 1)
                        + " days (less than the maximum age " + maxAgeDays + "), got " + warnDays);
            }
        }
    }

    /** Usernames shorter than this are only refused as the whole password: "li" inside "Climb-2026" is no weakness. */
    static final int MIN_USERNAME_TO_SEARCH = 3;

    private final Settings settings;
    private final PasswordHasher hasher;
    private final CommonPasswords common;

    /** With the common-password list shipped in the bundle. */
    public PasswordPolicy(Settings settings, PasswordHasher hasher) {
        this(settings, hasher, CommonPasswords.bundled());
    }

    public PasswordPolicy(Settings settings, PasswordHasher hasher, CommonPasswords common) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.common = Objects.requireNonNull(common, "common");
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Every rule the candidate breaks, in a fixed order; empty when it is acceptable.
     *
     * @param username       the account's username (may be null when unknown)
     * @param candidate      the new password; not cleared here
     * @param previousHashes the account's stored hashes, newest first, the current one included; only
     *                       the first {@code historySize} are checked. May be null or empty.
     */
    public List<PasswordRuleViolation> check(String username, char[] candidate, List<String> previousHashes) {
        Objects.requireNonNull(candidate, "candidate");
        List<PasswordRuleViolation> violations = new ArrayList<>();
        int length = Character.codePointCount(candidate, 0, candidate.length);
        if (length < settings.minLength()) {
            violations.add(PasswordRules.tooShort(settings.minLength(), length));
        }
        if (settings.requireNotStartingWithDigit() && length > 0 && Character.isDigit(Character.codePointAt(candidate, 0))) {
            violations.add(PasswordRules.startsWithDigit());
        }
        int kinds = kinds(candidate);
        if (kinds < settings.minKinds()) {
            violations.add(PasswordRules.tooFewKinds(settings.minKinds(), kinds));
        }
        if (containsUsername(candidate, username)) {
            violations.add(PasswordRules.containsUsername());
        }
        if (settings.rejectCommon() && common.contains(candidate)) {
            violations.add(PasswordRules.common(common.size()));
        }
        // The history check costs one Argon2 verification (~50-100 ms) per stored hash, so it only runs
        // for a candidate that passes everything else: a refused one has to be replaced anyway.
        if (violations.isEmpty() && reused(candidate, previousHashes)) {
            violations.add(PasswordRules.reused(settings.historySize()));
        }
        return List.copyOf(violations);
    }

    /** Where a password last changed at {@code lastChanged} stands at {@code now}. */
    public ExpiryStatus expiry(Instant lastChanged, Instant now) {
        if (settings.maxAgeDays() == 0) {
            return ExpiryStatus.NEVER;
        }
        Objects.requireNonNull(lastChanged, "lastChanged");
        Objects.requireNonNull(now, "now");
        Instant expiresAt = lastChanged.plus(Duration.ofDays(settings.maxAgeDays()));
        if (!now.isBefore(expiresAt)) {
            return new ExpiryStatus(ExpiryStatus.State.EXPIRED, expiresAt, 0);
        }
        Duration left = Duration.between(now, expiresAt);
        long daysLeft = left.toDays() + (left.equals(Duration.ofDays(left.toDays())) ? 0 : 1); // rounded up
        ExpiryStatus.State state = left.compareTo(Duration.ofDays(settings.warnDays())) <= 0
                ? ExpiryStatus.State.WARN : ExpiryStatus.State.OK;
        return new ExpiryStatus(state, expiresAt, daysLeft);
    }

    /** How many of letters, digits and symbols (everything else, spaces included) occur. */
    static int kinds(char[] candidate) {
        boolean letter = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < candidate.length; ) {
            int cp = Character.codePointAt(candidate, i);
            if (Character.isLetter(cp)) {
                letter = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else {
                symbol = true;
            }
            i += Character.charCount(cp);
        }
        return (letter ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    /** Equal to the username, or containing it when it is long enough; ignoring case, without copying the candidate. */
    static boolean containsUsername(char[] candidate, String username) {
        if (username == null || username.isBlank()) {
            return false;
        }
        String name = username.strip();
        if (name.length() < MIN_USERNAME_TO_SEARCH) {
            return candidate.length == name.length() && regionMatches(candidate, 0, name);
        }
        for (int start = 0; start + name.length() <= candidate.length; start++) {
            if (regionMatches(candidate, start, name)) {
                return true;
            }
        }
        return false;
    }

    /** Case-insensitive comparison char by char, the way {@link String#regionMatches(boolean, int, String, int, int)} does it. */
    private static boolean regionMatches(char[] candidate, int start, String name) {
        for (int j = 0; j < name.length(); j++) {
            char a = candidate[start + j];
            char b = name.charAt(j);
            if (a != b) {
                char ua = Character.toUpperCase(a);
                char ub = Character.toUpperCase(b);
                if (ua != ub && Character.toLowerCase(ua) != Character.toLowerCase(ub)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean reused(char[] candidate, List<String> previousHashes) {
        if (settings.historySize() == 0 || previousHashes == null) {
            return false;
        }
        int n = Math.min(settings.historySize(), previousHashes.size());
        for (int i = 0; i < n; i++) {
            if (hasher.verify(candidate, previousHashes.get(i))) {
                return true;
            }
        }
        return false;
    }
}
