package org.wubu.persistence.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned migration script, {@code V<version>__<description>.sql}, e.g.
 * {@code V1__audit_entries.sql} or {@code V1.1__index_on_actor.sql}.
 */
final class MigrationScript implements Comparable<MigrationScript> {

    private static final Pattern NAME = Pattern.compile("V(\\d+(?:\\.\\d+)*)__([A-Za-z0-9_\\-]+)\\.sql");

    private final String fileName;
    private final String version;
    private final String description;
    private final String text;

    MigrationScript(String fileName, String text) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration script '" + fileName
                    + "' is not named V<version>__<description>.sql (e.g. V1__create_tables.sql)");
        }
        this.fileName = fileName;
        this.version = m.group(1);
        this.description = m.group(2).replace('_', ' ');
        // Line endings must not change the checksum: a checkout on another OS is the same script.
        this.text = text.replace("\r\n", "\n");
    }

    String fileName() {
        return fileName;
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
     * {@code --} comments removed. Scripts hold plain DDL/DML, no procedure bodies.
     */
    List<String> statements() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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

    private static void addIfNotBlank(List<String> out, StringBuilder sb) {
        String s = sb.toString().trim();
        if (!s.isEmpty()) {
            out.add(s);
        }
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
        return fileName;
    }
}
