package org.wubu.catalog.api.counts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stock count to do on a given day.
 *
 * @param id          the task number ("count task 12" in the ledger)
 * @param dueDate     the day it is to be counted, in the shop's zone
 * @param category    the category it covers (a path such as {@code tea}, which includes {@code tea/green}), or null for all products
 * @param status      open or done
 * @param due         open and due today (shop zone)
 * @param overdue     open and its day has passed
 * @param lines       how many products it lists
 * @param counted     lines with a counted quantity
 * @param notCounted  lines marked "not counted" with a reason
 * @param adjusted    lines whose count differed from the book stock (each one a count adjustment in the ledger)
 * @param createdAt   when it was generated
 * @param completedBy who completed it, or null
 * @param completedAt when, or null
 */
public record CountTask(long id, LocalDate dueDate, String category, CountTaskStatus status, boolean due, boolean overdue,
                        int lines, int counted, int notCounted, int adjusted, Instant createdAt, String completedBy,
                        Instant completedAt) {

    /** Lines still waiting for a count or a reason. */
    public int open() {
        return lines - counted - notCounted;
    }
}
