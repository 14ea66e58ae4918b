package org.wubu.persistence.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.persistence.UnitOfWork;

/**
 * Units of work on the platform's data source, and the data source that joins them
 * ({@code osgi.jndi.service.name=wubu-unit}). A unit is bound to the thread that runs it: on that thread
 * every {@code getConnection()} returns the unit's connection wrapped so that the participants'
 * transaction calls fit into the unit (their commit and close do nothing, their rollback dooms the unit).
 * Other threads, and this thread outside a unit, get ordinary connections.
 */
@Component(service = {UnitOfWork.class, DataSource.class},
        property = "osgi.jndi.service.name=" + UnitOfWork.DATA_SOURCE)
public class SharedTransactions implements UnitOfWork, DataSource {

    static final String UNAVAILABLE = "database-unavailable";
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SharedTransactions.class);

    private final DataSource dataSource;
    /** The unit running on each thread; an instance field, so every data source has its own units. */
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    @Activate
    public SharedTransactions(@Reference(target = "(osgi.jndi.service.name=wubu)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T, E extends Exception> T run(Work<T, E> work) throws E {
        if (current.get() != null) {
            return work.run(); // joins the unit already running on this thread
        }
        Connection c;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw new WubuException(UNAVAILABLE, "the database cannot be reached: " + e.getMessage());
        }
        Unit unit = new Unit(c);
        current.set(unit);
        boolean committed = false;
        try {
            T result = work.run();
            if (unit.doomedBy != null) {
                // A participant rolled its part back and the work went on: committing the rest would be half a change.
                throw new WubuException(UNAVAILABLE, "nothing was saved: a part of this change failed and was rolled back ("
                        + unit.doomedBy + ")");
            }
            try {
                c.commit();
            } catch (SQLException e) {
                throw new WubuException(UNAVAILABLE, "nothing was saved: the database did not commit (" + e.getMessage() + ")");
            }
            committed = true;
            return result;
        } finally {
            current.remove();
            end(c, committed);
            unit.complete(committed);
        }
    }

    private static void end(Connection c, boolean committed) {
        try {
            if (!committed) {
                c.rollback();
            }
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("Ending a unit of work: {}", e.getMessage());
        } finally {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.warn("Closing a unit of work's connection: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean active() {
        return current.get() != null;
    }

    @Override
    public void afterCommit(Runnable action) {
        Unit unit = current.get();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit.add(action);
        }
    }

    @Override
    public void afterCompletion(Consumer<Boolean> action) {
        Unit unit = current.get();
        if (unit == null) {
            action.accept(true);
        } else {
            unit.afterCompletion.add(action);
        }
    }

    // ------------------------------------------------------------------ the data source

    @Override
    public Connection getConnection() throws SQLException {
        Unit unit = current.get();
        return unit != null ? unit.shared : dataSource.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Unit unit = current.get();
        return unit != null ? unit.shared : dataSource.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return dataSource.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        dataSource.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        dataSource.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return dataSource.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return dataSource.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : dataSource.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || dataSource.isWrapperFor(iface);
    }

    /** One unit: its connection, the participants' view of it, and what waits for its end. */
    private static final class Unit {
        final Connection real;
        final Connection shared;
        final List<Runnable> afterCommit = new ArrayList<>();
        final List<Consumer<Boolean>> afterCompletion = new ArrayList<>();
        /** Why a participant rolled back, or null. */
        String doomedBy;

        Unit(Connection real) {
            this.real = real;
            this.shared = (Connection) Proxy.newProxyInstance(SharedTransactions.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, m, args) -> participate(m, args));
        }

        private Object participate(Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "close", "commit", "setAutoCommit", "setReadOnly":
                    return null; // the unit commits, closes and keeps its settings
                case "setTransactionIsolation":
                    // Derby commits the open transaction when the isolation changes: the unit keeps its own.
                    return null;
                case "getAutoCommit":
                    return false;
                case "isClosed":
                    return real.isClosed();
                case "rollback":
                    if (args == null || args.length == 0) {
                        doomedBy = doomedBy != null ? doomedBy : "a participant rolled back its transaction";
                        return null;
                    }
                    break; // to a savepoint: the participant's own business
                case "equals":
                    return args[0] == shared;
                case "hashCode":
                    return System.identityHashCode(shared);
                case "toString":
                    return "unit of work on " + real;
                default:
                    break;
            }
            try {
                return m.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        /** Completion actions first (they release locks), then, when committed, the after-commit ones; each runs. */
        void complete(boolean committed) {
            for (Consumer<Boolean> a : afterCompletion) {
                try {
                    a.accept(committed);
                } catch (RuntimeException e) {
                    LOG.error("An action at the end of a unit of work failed", e);
                }
            }
            if (committed) {
                for (Runnable a : afterCommit) {
                    try {
                        a.run();
                    } catch (RuntimeException e) {
                        LOG.error("An action after a unit of work's commit failed", e);
                    }
                }
            }
        }
    }
}
