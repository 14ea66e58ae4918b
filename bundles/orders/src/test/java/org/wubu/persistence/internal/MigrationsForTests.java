package org.wubu.persistence.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.wubu.platform.api.persistence.MigrationReport;

/**
 * The platform's own migrator for the orders' tests (test class path only): a module's migration
 * folder from the source tree, with the variants of the database's dialect, applied and recorded
 * exactly as the persistence bundle does at start. Lives in the persistence's package to reach it.
 */
public final class MigrationsForTests {

    private MigrationsForTests() {
    }

    /** Applies the folder's scripts for the database's dialect; fails with the migrator's reason. */
    public static void migrate(DataSource ds, String bundle, Path folder) throws IOException, SQLException {
        String dialect = SqlDialect.of(ds);
        Migrator migrator = new Migrator(ds, Clock.systemUTC());
        migrator.ensureHistoryTable();
        MigrationReport r = migrator.migrate(bundle, MigrationScript.forDialect(read(folder, null), read(folder.resolve(dialect), dialect)));
        if (!r.ok()) {
            throw new IllegalStateException("migrations of " + bundle + " failed on " + dialect + ": " + r.error());
        }
    }

    /** The statements of one script, split as the migrator splits them. */
    public static List<String> statements(Path script) throws IOException {
        return new MigrationScript(script.getFileName().toString(), Files.readString(script, StandardCharsets.UTF_8)).statements();
    }

    private static List<MigrationScript> read(Path folder, String dialect) throws IOException {
        List<MigrationScript> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                out.add(new MigrationScript(dialect, file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }
}
