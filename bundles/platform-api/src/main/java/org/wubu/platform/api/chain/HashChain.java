package org.wubu.platform.api.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evidence mechanism shared by the audit log and orders (ORD-5): each record's hash is
 * SHA-256 over the previous record's hash and the record's canonical form, so changing, removing
 * or reordering any record breaks every hash after it.
 *
 * <p>The canonical form writes each field as {@code <length>:<value>;} (length in UTF-16 chars),
 * so that no choice of field contents can make two different records encode alike.
 */
public final class HashChain {

    /** The "previous hash" of the first record in a chain. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** The canonical form of a record's fields; null fields are written as the empty string. */
    public static String canonical(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (String field : fields) {
            String value = field == null ? "" : field;
            sb.append(value.length()).append(':').append(value).append(';');
        }
        return sb.toString();
    }

    /** The hash of a record that follows {@code previousHash}, as 64 lower-case hex digits. */
    public static String link(String previousHash, String... fields) {
        if (previousHash == null || !previousHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("previous hash must be 64 hex digits, got " + previousHash);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(canonical(fields).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
