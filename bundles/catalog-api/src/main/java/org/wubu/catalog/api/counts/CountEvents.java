package org.wubu.catalog.api.counts;

import org.wubu.platform.api.Topics;

/**
 * EventAdmin topics of stock counts ({@code wubu/catalog/<EVENT>}). Every event carries
 * {@link Topics#ACTOR}, {@link Topics#SUBJECT} ({@code count-task:<id>}), {@link Topics#TIME} and
 * {@link #TASK_ID}. The adjustments themselves are the catalog's {@code STOCK_MOVED} events.
 */
public final class CountEvents {

    /** Property: the task's id (a Long). */
    public static final String TASK_ID = "taskId";
    /** Property: the task's due date, {@code yyyy-MM-dd} in the shop's zone. */
    public static final String DUE_DATE = "dueDate";
    /** Property on {@link #COUNT_ENTERED}: the SKU counted. */
    public static final String SKU = "sku";
    /** Property on {@link #COUNT_ENTERED}: counted minus book stock (a Long; 0 when it matched). */
    public static final String DIFFERENCE = "difference";

    /** A count task was generated; carries {@link #DUE_DATE} and {@code lines}. */
    public static final String COUNT_TASK_CREATED = Topics.topic("catalog", "COUNT_TASK_CREATED");
    /** A line was counted or marked "not counted". */
    public static final String COUNT_ENTERED = Topics.topic("catalog", "COUNT_ENTERED");
    /** A count task was completed. */
    public static final String COUNT_TASK_DONE = Topics.topic("catalog", "COUNT_TASK_DONE");

    private CountEvents() {
    }
}
