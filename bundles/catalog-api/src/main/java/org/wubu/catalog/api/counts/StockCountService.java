package org.wubu.catalog.api.counts;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.catalog.api.CatalogService;
import org.wubu.platform.api.Caller;

/**
 * Stock counts (CAT-5). Reading needs {@link CatalogService#READ}; counting and completing need
 * {@link CatalogService#STOCK_COUNT} (the warehouse and the content specialist). Tasks are generated
 * by the platform on a schedule (every 2 days by default, {@code etc/org.wubu.catalog.counts.cfg}).
 * Refusals are {@link org.wubu.platform.api.WubuException}s: validation naming the field, permission,
 * not-found, {@link #TASK_DONE} and {@link #NOT_SETTLED}.
 */
@ProviderType
public interface StockCountService {

    /** Refusal: the task is already done; counts can no longer change. */
    String TASK_DONE = "task-done";
    /** Refusal: a task cannot be completed while some line has neither a count nor a "not counted" reason. */
    String NOT_SETTLED = "lines-not-settled";

    /** The most that {@link #tasks} answers at once. */
    int MAX_TASKS = 200;

    /**
     * Tasks, newest first.
     *
     * @param status only tasks in this status, or null for all
     * @param before only tasks with an id below this one (the previous page's last id), or null
     * @param limit  at most this many, 1 .. {@link #MAX_TASKS}
     */
    List<CountTask> tasks(Caller caller, CountTaskStatus status, Long before, int limit);

    CountTask task(Caller caller, long taskId);

    /** The task's lines by SKU. */
    List<CountLine> lines(Caller caller, long taskId);

    /**
     * Records what was counted for one product of an open task. The difference to the catalog's current
     * stock becomes a {@link org.wubu.catalog.api.StockMovementKind#COUNT_ADJUSTMENT} with the reason
     * "count task N"; a zero difference records the line only. Counting a line again is a correction:
     * the new difference is taken against the stock as it is then, so a repeated entry adjusts nothing twice.
     *
     * @param counted units counted, 0 or more
     * @param note    optional, up to 500 characters
     */
    CountLine enterCount(Caller caller, long taskId, String sku, long counted, String note);

    /** Marks a line of an open task as not counted, with the reason (required, up to 500 characters). */
    CountLine markNotCounted(Caller caller, long taskId, String sku, String reason);

    /** Completes an open task once every line is counted or marked "not counted". */
    CountTask complete(Caller caller, long taskId);
}
