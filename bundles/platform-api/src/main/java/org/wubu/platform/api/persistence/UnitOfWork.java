package org.wubu.platform.api.persistence;

import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One database transaction shared by several bundles: what one business step writes in different areas
 * (an order's rows, the catalog's stock reservation, the audit entries) is committed together, durably
 * once, or not at all.
 *
 * <p>Bundles take part by writing through the data source registered with
 * {@code osgi.jndi.service.name=}{@value #DATA_SOURCE} (JPA persistence units name
 * {@code osgi:service/javax.sql.DataSource/(osgi.jndi.service.name=wubu-unit)}). Outside a unit it hands out
 * ordinary connections. Inside a unit, on the unit's thread, it hands out the unit's connection, on which a
 * participant's own {@code commit()} and {@code close()} do nothing (the unit commits once, at its end) and
 * a participant's {@code rollback()} marks the whole unit for rollback, so a part that failed can never be
 * committed with the rest.
 *
 * <p>What must only happen once the data is committed (events, releasing a lock that guards a chain head)
 * is registered with {@link #afterCommit} or {@link #afterCompletion}; outside a unit both run at once.
 */
@ProviderType
public interface UnitOfWork {

    /** The JNDI service name of the data source that joins units. */
    String DATA_SOURCE = "wubu-unit";

    /** The work of a unit. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs the work in a unit on this thread and commits it when the work returns; rolls it back when the
     * work throws (the exception is passed on) or when a participant rolled back. A call made while a unit
     * is running on this thread joins that unit: only the outermost call commits.
     *
     * @throws org.wubu.platform.api.WubuException with code {@code database-unavailable} when no connection
     *         could be had or the commit failed (nothing was written)
     */
    <T, E extends Exception> T run(Work<T, E> work) throws E;

    /** Whether a unit is running on this thread. */
    boolean active();

    /** Runs the action once the current unit has committed (not at all if it rolls back); at once outside a unit. */
    void afterCommit(Runnable action);

    /**
     * Runs the action when the current unit has ended, committed ({@code true}) or rolled back
     * ({@code false}), before any {@link #afterCommit} action; at once, with {@code true}, outside a unit.
     */
    void afterCompletion(Consumer<Boolean> action);
}
