package org.wubu.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.persistence.MigrationReport;

/**
 * Applies one bundle's migration scripts to the shared database and records them in
 * {@value #HISTORY}. Each script runs in its own transaction together with its history row, so a
 * script is either fully applied and recorded or not at all. Scripts already applied are checked
 * against their recorded checksum: history is never rewritten (DB-2). The scripts given are those
 * of the database's dialect ({@link MigrationScript#forDialect}); a dialect variant is recorded
 * under its path ({@code postgresql/V1__orders.sql}) with its own checksum, so one database's
 * history always describes the scripts that really ran on it.
 */
final class Migrator {

    static final String HISTORY = "WUBU_SCHEMA_HISTORY";

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final DataSource dataSource;
    private final Clock clock;

    Migrator(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Creates the history table unless it exists. Portable: Derby and PostgreSQL. */
    void ensureHistoryTable() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM " + HISTORY + " WHERE 1 = 0").close();
                return;
            } catch (SQLException missing) {
                // Fall through: the table does not exist yet.
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE " + HISTORY + " ("
                        + "BUNDLE VARCHAR(200) NOT NULL, "
                        + "VERSION VARCHAR(50) NOT NULL, "
                        + "DESCRIPTION VARCHAR(200) NOT NULL, "
                        + "SCRIPT VARCHAR(250) NOT NULL, "
                        + "CHECKSUM CHAR(64) NOT NULL, "
                        + "APPLIED_AT TIMESTAMP NOT NULL, "
                        + "EXECUTION_MS BIGINT NOT NULL, "
                        + "PRIMARY KEY (BUNDLE, VERSION))");
            } catch (SQLException raced) {
                // Another node may have created it at the same moment; check once more.
                try (Statement s = c.createStatement()) {
                    s.executeQuery("SELECT COUNT(*) FROM " + HISTORY + " WHERE 1 = 0").close();
                }
            }
        }
    }

    /** Applies what is pending; never throws for a bad script, the report says what went wrong. */
    MigrationReport migrate(String bundle, List<MigrationScript> scripts) {
        List<MigrationScript> ordered = new ArrayList<>(scripts);
        ordered.sort(null);
        List<String> applied = new ArrayList<>();
        try {
            checkDuplicates(bundle, ordered);
            Map<String, Recorded> recorded = recordedChecksums(bundle);
            for (MigrationScript script : ordered) {
                Recorded done = recorded.get(script.version());
                if (done != null) {
                    String checksum = done.checksum();
                    if (!checksum.equals(script.checksum())) {
                        String what = done.script().equals(script.path()) ? script.path() + " was changed after it was applied"
                                : "version " + script.version() + " was applied from " + done.script() + " but would now be "
                                + script.path() + " (a dialect variant added or removed after the fact?)";
                        return failed(bundle, applied, what
                                + " (recorded checksum " + checksum.substring(0, 12) + "…, now "
                                + script.checksum().substring(0, 12) + "…). Applied migrations are never edited:"
                                + " restore the original script and put the change in a new version.");
                    }
                    applied.add(script.version());
                    continue;
                }
                String error = apply(bundle, script);
                if (error != null) {
                    return failed(bundle, applied, error);
                }
                applied.add(script.version());
            }
            Set<String> missing = new TreeSet<>(recorded.keySet());
            ordered.forEach(s -> missing.remove(s.version()));
            if (!missing.isEmpty()) {
                LOG.warn("Bundle {} no longer ships the applied migrations {}; their tables are kept", bundle, missing);
            }
            return new MigrationReport(bundle, true, applied, null);
        } catch (SQLException | RuntimeException e) {
            return failed(bundle, applied, "cannot read the migration history: " + e.getMessage());
        }
    }

    private static void checkDuplicates(String bundle, List<MigrationScript> ordered) {
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i - 1).compareTo(ordered.get(i)) == 0) {
                throw new IllegalArgumentException("bundle " + bundle + " has two scripts for version "
                        + ordered.get(i).version() + ": " + ordered.get(i - 1) + " and " + ordered.get(i));
            }
        }
    }

    /** What the history says of one applied version: the script (path) it came from and its checksum. */
    private record Recorded(String script, String checksum) {
    }

    private Map<String, Recorded> recordedChecksums(String bundle) throws SQLException {
        Map<String, Recorded> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT VERSION, CHECKSUM, SCRIPT FROM " + HISTORY + " WHERE BUNDLE = ?")) {
            ps.setString(1, bundle);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Recorded(rs.getString(3).trim(), rs.getString(2).trim()));
                }
            }
        }
        return out;
    }

    /**
     * Runs one script and records it in one transaction; returns the error, or null on success (also when
     * another node applied the same script meanwhile).
     *
     * <p>Several nodes on one PostgreSQL may start together: each script's transaction first locks the history
     * table (EXCLUSIVE: other migrators wait, plain reads go on), then looks again whether the version is
     * recorded. So a script runs once, on the node that got the lock first, and the others find it applied
     * instead of failing on its CREATE TABLE. Within one platform the extender migrates one bundle at a time.
     */
    private String apply(String bundle, MigrationScript script) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int n = 0;
            List<String> statements = script.statements();
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE " + HISTORY + " IN EXCLUSIVE MODE");
                String already = recordedChecksum(c, bundle, script.version());
                if (already != null) {
                    c.rollback();
                    if (!already.equals(script.checksum())) {
                        return script.path() + " was applied meanwhile by another node with another checksum ("
                                + already.substring(0, 12) + "…, here " + script.checksum().substring(0, 12)
                                + "…): the nodes run different versions of " + bundle;
                    }
                    LOG.info("Migration {} of {} was applied by another node meanwhile", script.path(), bundle);
                    return null;
                }
                for (String sql : statements) {
                    n++;
                    s.execute(sql);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + HISTORY
                        + " (BUNDLE, VERSION, DESCRIPTION, SCRIPT, CHECKSUM, APPLIED_AT, EXECUTION_MS) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, bundle);
                    ps.setString(2, script.version());
                    ps.setString(3, truncate(script.description(), 200));
                    ps.setString(4, truncate(script.path(), 250));
                    ps.setString(5, script.checksum());
                    ps.setTimestamp(6, Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
                    ps.setLong(7, (System.nanoTime() - start) / 1_000_000);
                    ps.executeUpdate();
                }
                c.commit();
                LOG.info("Applied migration {} of {} ({} statements)", script.path(), bundle, statements.size());
                return null;
            } catch (SQLException e) {
                c.rollback();
                return script.path() + " failed at statement " + n + " of " + statements.size() + ": "
                        + e.getMessage() + " (nothing of this script was applied)";
            }
        }
    }

    /** The checksum recorded for the version, read in the caller's transaction, or null. */
    private static String recordedChecksum(Connection c, String bundle, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CHECKSUM FROM " + HISTORY + " WHERE BUNDLE = ? AND VERSION = ?")) {
            ps.setString(1, bundle);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1).trim() : null;
            }
        }
    }

    private MigrationReport failed(String bundle, List<String> applied, String error) {
        LOG.error("Schema of bundle {} is not ready; its services stay stopped: {}", bundle, error);
        return new MigrationReport(bundle, false, applied, error);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
