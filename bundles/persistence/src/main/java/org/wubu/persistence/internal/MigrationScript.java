package org.wubu.persistence.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned migration script, {@code V<version>__<description>.sql}, e.g.
 * {@code V1__audit_entries.sql} or {@code V1.1__index_on_actor.sql}: either a portable script of the
 * migration folder, or a variant for one SQL dialect from its sub-folder (e.g.
 * {@code postgresql/V1__orders.sql}), which replaces the portable script of the same version on that
 * database only (see {@link #forDialect}).
 */
final class MigrationScript implements Comparable<MigrationScript> {

    private static final Pattern NAME = Pattern.compile("V(\\d+(?:\\.\\d+)*)__([A-Za-z0-9_\\-]+)\\.sql");
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$(?:[A-Za-z_][A-Za-z0-9_]*)?\\$");

    private final String dialect;
    private final String fileName;
    private final String version;
    private final String description;
    private final String text;

    /** A portable script. */
    MigrationScript(String fileName, String text) {
        this(null, fileName, text);
    }

    /** A script for one dialect ({@link SqlDialect}), or a portable one when {@code dialect} is null. */
    MigrationScript(String dialect, String fileName, String text) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration script '" + fileName
                    + "' is not named V<version>__<description>.sql (e.g. V1__create_tables.sql)");
        }
        this.dialect = dialect;
        this.fileName = fileName;
        this.version = m.group(1);
        this.description = m.group(2).replace('_', ' ');
        // Line endings must not change the checksum: a checkout on another OS is the same script.
        this.text = text.replace("\r\n", "\n");
    }

    String fileName() {
        return fileName;
    }

    /** The dialect this script is for, or null for a portable script. */
    String dialect() {
        return dialect;
    }

    /**
     * The name recorded in the history and shown in messages: the file name, prefixed by the
     * dialect's folder for a dialect variant ({@code postgresql/V1__orders.sql}).
     */
    String path() {
        return dialect == null ? fileName : dialect + "/" + fileName;
    }

    String version() {
        return version;
    }

    String description() {
        return description;
    }

    String checksum() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The SQL statements of the script: split at semicolons outside string literals, with
     * {@code --} comments removed. A PostgreSQL dollar-quoted body ({@code $$ ... $$} or
     * {@code $tag$ ... $tag$}, e.g. a trigger function) is kept whole, semicolons and all; portable
     * scripts hold plain DDL/DML and no {@code $}, so they split exactly as before.
     */
    List<String> statements() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!quoted && c == '$') {
                int end = dollarQuoteEnd(i);
                if (end > 0) {
                    current.append(text, i, end);
                    i = end - 1;
                    continue;
                }
            }
            if (!quoted && c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                current.append('\n');
                continue;
            }
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                addIfNotBlank(out, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addIfNotBlank(out, current);
        return out;
    }

    /**
     * When a dollar quote opens at {@code start} ({@code $tag$} not inside an identifier), the index
     * just after its closing tag; otherwise -1. An unclosed quote runs to the end of the script.
     */
    private int dollarQuoteEnd(int start) {
        if (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
            return -1; // a $ inside an identifier such as A$B
        }
        Matcher tag = DOLLAR_TAG.matcher(text).region(start, text.length());
        if (!tag.lookingAt()) {
            return -1;
        }
        int close = text.indexOf(tag.group(), tag.end());
        return close < 0 ? text.length() : close + tag.group().length();
    }

    private static void addIfNotBlank(List<String> out, StringBuilder sb) {
        String s = sb.toString().trim();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    /**
     * The scripts to apply on a database of one dialect: the portable scripts, each replaced by the
     * dialect's variant of the same version where there is one. A variant always replaces a portable
     * script: a version that exists for one dialect only would give the databases of different
     * dialects different histories, so it is refused, as are two variants of one version.
     */
    static List<MigrationScript> forDialect(List<MigrationScript> portable, List<MigrationScript> variants) {
        Map<String, MigrationScript> byVersion = new TreeMap<>(MigrationScript::compareVersions);
        List<MigrationScript> out = new ArrayList<>(portable);
        for (MigrationScript variant : variants) {
            MigrationScript other = byVersion.put(variant.version, variant);
            if (other != null) {
                throw new IllegalArgumentException("two scripts for version " + variant.version + ": " + other.path()
                        + " and " + variant.path());
            }
            int replaced = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).dialect == null && compareVersions(out.get(i).version, variant.version) == 0) {
                    replaced = i;
                }
            }
            if (replaced < 0) {
                throw new IllegalArgumentException(variant.path() + " has no portable script of version " + variant.version
                        + " to replace: every version needs a portable script (for Derby; comments only if the version"
                        + " has nothing to do there), a dialect's folder only holds variants");
            }
            out.set(replaced, variant);
        }
        return out;
    }

    /** Orders by version numerically: 1 < 1.1 < 2 < 10. */
    @Override
    public int compareTo(MigrationScript o) {
        return compareVersions(version, o.version);
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long xi = i < x.length ? Long.parseLong(x[i]) : 0;
            long yi = i < y.length ? Long.parseLong(y[i]) : 0;
            if (xi != yi) {
                return Long.compare(xi, yi);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return path();
    }
}
