package org.wubu.security.internal.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Hashes and verifies staff passwords (rule SEC-3).
 *
 * <p>New hashes are Argon2id in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (standard base64 without padding), so every
 * stored hash carries its own parameters: verification always uses the stored ones, and raising
 * the current ones later only makes {@link #needsRehash} answer {@code true} for older hashes,
 * which the caller re-hashes after the next successful login. PBKDF2-HMAC-SHA256 hashes
 * ({@code $pbkdf2-sha256$i=600000$<salt>$<hash>}) verify too, for accounts imported from systems
 * without Argon2; they always need a rehash.
 *
 * <p>Passwords arrive as {@code char[]} and stay the caller's to clear; the UTF-8 bytes and derived
 * keys made here are zeroed as soon as they are no longer needed. A malformed or unknown stored
 * string never throws: it simply does not verify. Thread-safe (no mutable state but the
 * thread-safe {@link SecureRandom}).
 */
public final class PasswordHasher {

    /** Argon2id cost parameters. */
    public record Argon2Settings(int memoryKiB, int iterations, int parallelism) {

        /** The SEC-3 minimum and default: 19 MiB, 2 passes, 1 lane (the OWASP baseline). */
        public static final Argon2Settings DEFAULTS = new Argon2Settings(19_456, 2, 1);

        public Argon2Settings {
            if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
                throw new IllegalArgumentException("Argon2 parallelism must be 1.." + MAX_PARALLELISM + ", got " + parallelism);
            }
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException("Argon2 iterations must be 1.." + MAX_ITERATIONS + ", got " + iterations);
            }
            // Argon2 itself needs at least 8 KiB per lane.
            if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
                throw new IllegalArgumentException("Argon2 memory must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB
                        + " KiB, got " + memoryKiB);
            }
        }

        /** Whether a hash made with these settings is at least as costly as one made with {@code other}. */
        boolean atLeast(Argon2Settings other) {
            return memoryKiB >= other.memoryKiB && iterations >= other.iterations && parallelism >= other.parallelism;
        }
    }

    /** An Argon2id PHC string taken apart; package-private for the tests. */
    record Argon2Hash(int version, Argon2Settings settings, byte[] salt, byte[] hash) {
    }

    /** A PBKDF2-HMAC-SHA256 string taken apart; package-private for the tests. */
    record Pbkdf2Hash(int iterations, byte[] salt, byte[] hash) {
    }

    static final String ARGON2ID_PREFIX = "$argon2id$";
    static final String PBKDF2_PREFIX = "$pbkdf2-sha256$";
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int PBKDF2_ITERATIONS = 600_000;

    // Upper bounds on what a stored string may ask for: a tampered row must not be able to make one
    // login allocate gigabytes or spin for minutes. They sit far above any sensible setting.
    static final int MAX_MEMORY_KIB = 1 << 20; // 1 GiB
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;
    static final int MAX_PBKDF2_ITERATIONS = 10_000_000;
    // Salts of 8 bytes are what the PHC format allows (and what the reference test vectors use);
    // outputs shorter than 16 bytes would make a wrong password match by chance far too often.
    static final int MIN_SALT_BYTES = 8;
    static final int MAX_SALT_BYTES = 64;
    static final int MIN_HASH_BYTES = 16;
    static final int MAX_HASH_BYTES = 64;

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder(); // accepts input with or without padding

    private final Argon2Settings current;
    private final SecureRandom random;

    /** Argon2id with the SEC-3 defaults (19 MiB, t=2, p=1). */
    public PasswordHasher() {
        this(Argon2Settings.DEFAULTS);
    }

    /**
     * Argon2id with stronger settings (raise them as hardware allows; older hashes keep verifying
     * and report {@link #needsRehash}). Settings below the SEC-3 minimum are refused.
     */
    public PasswordHasher(Argon2Settings current) {
        if (current.memoryKiB() < Argon2Settings.DEFAULTS.memoryKiB() || current.iterations() < Argon2Settings.DEFAULTS.iterations()) {
            throw new IllegalArgumentException("Argon2 settings below the SEC-3 minimum (m=" + Argon2Settings.DEFAULTS.memoryKiB()
                    + " KiB, t=" + Argon2Settings.DEFAULTS.iterations() + "): " + current);
        }
        this.current = current;
        this.random = new SecureRandom();
    }

    /** The settings new hashes are made with. */
    public Argon2Settings settings() {
        return current;
    }

    /** A new Argon2id hash of the password with a fresh random salt, as a PHC string. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, Argon2Parameters.ARGON2_VERSION_13, current, HASH_BYTES);
        try {
            return ARGON2ID_PREFIX + "v=19$m=" + current.memoryKiB() + ",t=" + current.iterations() + ",p=" + current.parallelism()
                    + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
        } finally {
            Arrays.fill(hash, (byte) 0);
        }
    }

    /** A new PBKDF2-HMAC-SHA256 hash with {@value #PBKDF2_ITERATIONS} iterations (for interoperability; prefer {@link #hash}). */
    public String hashPbkdf2(char[] password) {
        return hashPbkdf2(password, PBKDF2_ITERATIONS);
    }

    /** Package-private so tests can use few iterations; production code calls {@link #hashPbkdf2(char[])}. */
    String hashPbkdf2(char[] password, int iterations) {
        if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be 1.." + MAX_PBKDF2_ITERATIONS + ", got " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, iterations, HASH_BYTES);
        try {
            return PBKDF2_PREFIX + "i=" + iterations + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
        } finally {
            Arrays.fill(hash, (byte) 0);
        }
    }

    /**
     * Whether the password matches the stored hash, compared in constant time. {@code false} for a
     * null password, and for a null, malformed, unknown or out-of-bounds stored string.
     */
    public boolean verify(char[] password, String encoded) {
        if (password == null || encoded == null) {
            return false;
        }
        try {
            if (encoded.startsWith(ARGON2ID_PREFIX)) {
                Optional<Argon2Hash> parsed = parseArgon2(encoded);
                if (parsed.isEmpty()) {
                    return false;
                }
                Argon2Hash h = parsed.get();
                return matches(h.hash(), argon2(password, h.salt(), h.version(), h.settings(), h.hash().length));
            }
            if (encoded.startsWith(PBKDF2_PREFIX)) {
                Optional<Pbkdf2Hash> parsed = parsePbkdf2(encoded);
                if (parsed.isEmpty()) {
                    return false;
                }
                Pbkdf2Hash h = parsed.get();
                return matches(h.hash(), pbkdf2(password, h.salt(), h.iterations(), h.hash().length));
            }
            return false;
        } catch (RuntimeException e) {
            // Whatever a corrupt stored string provokes in the KDF, it is a failed login, not an error page.
            return false;
        }
    }

    /**
     * Whether the stored hash should be replaced by a fresh {@link #hash} (after a successful
     * {@link #verify}, while the plain password is at hand): any other algorithm, an older Argon2
     * version, parameters below the current ones, or a shorter salt or output. Also {@code true}
     * for strings that cannot be parsed.
     */
    public boolean needsRehash(String encoded) {
        Optional<Argon2Hash> parsed = encoded == null ? Optional.empty() : parseArgon2(encoded);
        if (parsed.isEmpty()) {
            return true;
        }
        Argon2Hash h = parsed.get();
        return h.version() != Argon2Parameters.ARGON2_VERSION_13
                || !h.settings().atLeast(current)
                || h.salt().length < SALT_BYTES
                || h.hash().length < HASH_BYTES;
    }

    /** Parses {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}; empty for anything else or out of bounds. */
    static Optional<Argon2Hash> parseArgon2(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[0].isEmpty() || !"argon2id".equals(parts[1])) {
            return Optional.empty();
        }
        int version;
        if ("v=19".equals(parts[2])) {
            version = Argon2Parameters.ARGON2_VERSION_13;
        } else if ("v=16".equals(parts[2])) {
            version = Argon2Parameters.ARGON2_VERSION_10;
        } else {
            return Optional.empty();
        }
        String[] params = parts[3].split(",", -1);
        if (params.length != 3 || !params[0].startsWith("m=") || !params[1].startsWith("t=") || !params[2].startsWith("p=")) {
            return Optional.empty();
        }
        int m = positiveInt(params[0].substring(2));
        int t = positiveInt(params[1].substring(2));
        int p = positiveInt(params[2].substring(2));
        if (m < 0 || t < 0 || p < 0) {
            return Optional.empty();
        }
        Argon2Settings settings;
        try {
            settings = new Argon2Settings(m, t, p);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] salt = decode(parts[4], MIN_SALT_BYTES, MAX_SALT_BYTES);
        byte[] hash = decode(parts[5], MIN_HASH_BYTES, MAX_HASH_BYTES);
        if (salt == null || hash == null) {
            return Optional.empty();
        }
        return Optional.of(new Argon2Hash(version, settings, salt, hash));
    }

    /** Parses {@code $pbkdf2-sha256$i=..$salt$hash}; empty for anything else or out of bounds. */
    static Optional<Pbkdf2Hash> parsePbkdf2(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 5 || !parts[0].isEmpty() || !"pbkdf2-sha256".equals(parts[1]) || !parts[2].startsWith("i=")) {
            return Optional.empty();
        }
        int iterations = positiveInt(parts[2].substring(2));
        if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
            return Optional.empty();
        }
        byte[] salt = decode(parts[3], MIN_SALT_BYTES, MAX_SALT_BYTES);
        byte[] hash = decode(parts[4], MIN_HASH_BYTES, MAX_HASH_BYTES);
        if (salt == null || hash == null) {
            return Optional.empty();
        }
        return Optional.of(new Pbkdf2Hash(iterations, salt, hash));
    }

    private static byte[] argon2(char[] password, byte[] salt, int version, Argon2Settings s, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(version)
                .withMemoryAsKB(s.memoryKiB())
                .withIterations(s.iterations())
                .withParallelism(s.parallelism())
                .withSalt(salt)
                .build();
        // Our own UTF-8 conversion, not generateBytes(char[], ..): Bouncy Castle's copy would not be cleared.
        byte[] pw = utf8(password);
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(params);
            byte[] out = new byte[length];
            generator.generateBytes(pw, out);
            return out;
        } finally {
            Arrays.fill(pw, (byte) 0);
            params.clear();
        }
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int length) {
        byte[] pw = utf8(password);
        try {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
            generator.init(pw, salt, iterations);
            KeyParameter key = (KeyParameter) generator.generateDerivedParameters(length * 8);
            byte[] out = new byte[length];
            key.copyTo(out, 0, length);
            Arrays.fill(key.getKey(), (byte) 0);
            return out;
        } finally {
            Arrays.fill(pw, (byte) 0); // the generator keeps a reference to this array, so this clears it too
        }
    }

    /** Constant-time comparison; clears the freshly derived bytes. */
    private static boolean matches(byte[] expected, byte[] actual) {
        try {
            return MessageDigest.isEqual(expected, actual);
        } finally {
            Arrays.fill(actual, (byte) 0);
        }
    }

    /** UTF-8 bytes of the password (unpaired surrogates become '?'), with the encoder's buffer cleared. */
    static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.arrayOffset() + buffer.position(),
                buffer.arrayOffset() + buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    /** A decimal without sign or leading zero (as PHC demands), or -1. */
    private static int positiveInt(String s) {
        if (s.isEmpty() || s.length() > 9 || s.charAt(0) == '0') {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Integer.parseInt(s);
    }

    /** Standard base64 (padding optional) within the length bounds, or null. */
    private static byte[] decode(String s, int minBytes, int maxBytes) {
        if (s.isEmpty() || s.length() > 4 * maxBytes / 3 + 4) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = B64D.decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return bytes.length < minBytes || bytes.length > maxBytes ? null : bytes;
    }
}
