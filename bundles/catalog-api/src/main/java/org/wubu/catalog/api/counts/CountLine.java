package org.wubu.catalog.api.counts;

import java.time.Instant;

/**
 * One product of a count task.
 *
 * @param sku              the product
 * @param titleZh          its Chinese title when the line was added
 * @param titleEn          its English title when the line was added
 * @param counted          units counted (available to sell; not those set aside for orders), or null while not counted
 * @param bookStock        the catalog's stock when the count was entered, or null
 * @param difference       {@code counted - bookStock}, or null; a non-zero difference is a count adjustment
 * @param movementId       the count adjustment in the stock ledger, or null (no difference, or not counted)
 * @param note             the counter's note, or null
 * @param notCountedReason why the product was not counted, or null
 * @param countedBy        who entered the count or the reason, or null
 * @param countedAt        when, or null
 */
public record CountLine(String sku, String titleZh, String titleEn, Long counted, Long bookStock, Long difference,
                        Long movementId, String note, String notCountedReason, String countedBy, Instant countedAt) {

    /** Counted, or explicitly not counted with a reason: the task may be completed once every line is settled. */
    public boolean settled() {
        return counted != null || notCountedReason != null;
    }
}
