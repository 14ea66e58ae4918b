package org.wubu.platform.api.chain;

/**
 * The outcome of walking a hash chain from its first record.
 *
 * @param intact          true when every record's hash matched
 * @param checked         how many records were checked (all of them when intact)
 * @param firstBroken     the sequence number of the first record whose hash did not match, or -1
 * @param reason          what was wrong with that record, or null when intact
 */
public record ChainVerification(boolean intact, long checked, long firstBroken, String reason) {

    public static ChainVerification intact(long checked) {
        return new ChainVerification(true, checked, -1, null);
    }

    public static ChainVerification broken(long checked, long firstBroken, String reason) {
        return new ChainVerification(false, checked, firstBroken, reason);
    }

    /** "intact, N entries" or "broken at entry S: reason", as the shell and health show it. */
    public String summary() {
        return intact ? "intact, " + checked + " entries" : "broken at entry " + firstBroken + ": " + reason;
    }
}
