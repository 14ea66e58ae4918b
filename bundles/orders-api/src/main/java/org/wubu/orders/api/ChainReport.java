package org.wubu.orders.api;

/**
 * What {@link OrderVerifier#verify} found: both chains intact, or the first broken record.
 *
 * @param intact   true when every record, every order header and every line matched
 * @param records  how many records were checked
 * @param orders   how many orders were checked
 * @param recordId the id of the first broken record (or of the CREATED record of an order whose header or lines differ), or null
 * @param orderId  the order of the first broken record, or null
 * @param sequence that record's sequence within its order, or null
 * @param problem  what differs, in plain words, or null when intact
 */
public record ChainReport(boolean intact, long records, long orders, Long recordId, Long orderId, Integer sequence,
                          String problem) {

    public static ChainReport intact(long records, long orders) {
        return new ChainReport(true, records, orders, null, null, null, null);
    }

    public static ChainReport broken(long records, long orders, Long recordId, Long orderId, Integer sequence, String problem) {
        return new ChainReport(false, records, orders, recordId, orderId, sequence, problem);
    }

    /** "intact, N records (M orders)" or "broken at record R (order O, sequence S): what differs". */
    public String summary() {
        if (intact) {
            return "intact, " + records + " records (" + orders + " orders)";
        }
        return "broken at record " + (recordId == null ? "?" : recordId) + " (order " + (orderId == null ? "?" : orderId)
                + ", sequence " + (sequence == null ? "?" : sequence) + "): " + problem;
    }
}
