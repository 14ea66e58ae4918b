package org.wubu.catalog.api.counts;

/** Where a count task stands. Whether an open task is due today or overdue is shown beside it. */
public enum CountTaskStatus {
    /** Lines may still be counted. */
    OPEN,
    /** Every line was counted or marked "not counted" with a reason, and the task was completed. */
    DONE
}
