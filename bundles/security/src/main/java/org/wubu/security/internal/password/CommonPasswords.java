package org.wubu.security.internal.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The most common passwords (SEC-3: a list of at least 10,000), matched case-insensitively.
 *
 * <p>The bundled list is zxcvbn's 30,000 most common passwords, extracted from
 * {@code com.nulab-inc:zxcvbn} at build time into {@code common-passwords.txt} next to this class
 * (licence in {@code common-passwords.NOTICE.txt}). It is read once per class loader
 * ({@link #bundled()}) and kept lower-cased in a hash set (about 2 MB of heap).
 *
 * <p>Entries are kept as {@link CharBuffer}s rather than strings so a lookup can wrap a lower-cased
 * copy of the candidate and wipe it afterwards: a {@code String} of the candidate would linger on the
 * heap until collected. Immutable and thread-safe.
 */
public final class CommonPasswords {

    static final String RESOURCE = "common-passwords.txt";

    private final Set<CharBuffer> entries;

    /** A list of one's own (tests, or a site-specific list); entries are lower-cased, blanks skipped. */
    public CommonPasswords(Collection<String> passwords) {
        Set<CharBuffer> set = new HashSet<>(passwords.size() * 2);
        for (String p : passwords) {
            String entry = p.strip();
            if (!entry.isEmpty()) {
                set.add(CharBuffer.wrap(entry.toLowerCase(Locale.ROOT).toCharArray()));
            }
        }
        this.entries = Set.copyOf(set);
    }

    /** The list shipped in this bundle, loaded on first use. */
    public static CommonPasswords bundled() {
        return Bundled.INSTANCE;
    }

    /** Lazy holder: the JVM loads the list once, thread-safely, when {@link #bundled()} is first called. */
    private static final class Bundled {
        static final CommonPasswords INSTANCE = load(CommonPasswords.class.getResourceAsStream(RESOURCE));
    }

    /** Reads one password a line (UTF-8). Fails loudly when the list is missing: the bundle was built wrong. */
    static CommonPasswords load(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("The common-password list " + RESOURCE + " is missing from the bundle "
                    + "(it is extracted from com.nulab-inc:zxcvbn at build time)");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new CommonPasswords(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the common-password list " + RESOURCE, e);
        }
    }

    /** Whether the candidate, ignoring case, is on the list. */
    public boolean contains(char[] candidate) {
        if (candidate == null || candidate.length == 0) {
            return false;
        }
        char[] lower = new char[candidate.length];
        try {
            for (int i = 0; i < candidate.length; i++) {
                lower[i] = Character.toLowerCase(candidate[i]);
            }
            return entries.contains(CharBuffer.wrap(lower));
        } finally {
            Arrays.fill(lower, '\0');
        }
    }

    /** How many distinct entries the list holds. */
    public int size() {
        return entries.size();
    }
}
