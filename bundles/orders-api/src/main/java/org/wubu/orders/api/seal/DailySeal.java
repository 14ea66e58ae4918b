package org.wubu.orders.api.seal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.wubu.platform.api.chain.ChainHead;

/**
 * What a seal's manifest says.
 *
 * @param date          the shop date whose 18:00 ends the window
 * @param zone          the zone the window was computed in, e.g. Asia/Shanghai
 * @param from          the window's start (included)
 * @param to            the window's end (excluded)
 * @param records       how many records the file holds
 * @param orders        how many different orders they belong to
 * @param firstRecordId the smallest record id in the file, or null when it is empty
 * @param lastRecordId  the largest record id in the file, or null when it is empty
 * @param kinds         records per {@link org.wubu.orders.api.RecordKind} name, only kinds that occur
 * @param chainHead     the shop's chain head at the end of the window: the record with the largest id
 *                      among all records that occurred before {@code to}, or null when there was none
 * @param sha256        SHA-256 of records.jsonl, 64 lower-case hex digits
 * @param bytes         the size of records.jsonl
 * @param sealedAt      when the seal was written
 * @param trigger       {@code schedule}, {@code catch-up}, or the username of an operator
 */
public record DailySeal(LocalDate date, String zone, Instant from, Instant to, long records, long orders, Long firstRecordId,
                        Long lastRecordId, Map<String, Long> kinds, ChainHead chainHead, String sha256, long bytes,
                        Instant sealedAt, String trigger) {

    public DailySeal {
        kinds = Map.copyOf(kinds);
    }
}
