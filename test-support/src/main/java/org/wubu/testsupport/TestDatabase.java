package org.wubu.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A fresh embedded Derby database in a new folder under target/, with the bundle's migration
 * scripts (src/main/resources/db/migration, in file-name order) applied the way the platform does
 * in production, statement by statement.
 */
public final class TestDatabase {

    public final Path folder;
    public final EmbeddedDataSource dataSource;

    private TestDatabase(Path folder, EmbeddedDataSource dataSource) {
        this.folder = folder;
        this.dataSource = dataSource;
    }

    /** Creates the database under target/&lt;prefix&gt;-*&#47;db and applies the module's migrations. */
    public static TestDatabase withMigrations(String prefix) throws IOException, SQLException {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        Path folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), prefix + "-");
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(folder.resolve("db").toString());
        ds.setCreateDatabase("create");
        List<Path> scripts;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/db/migration"))) {
            // The portable scripts only: the sub-folders hold other databases' variants (e.g. postgresql/).
            scripts = s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().collect(Collectors.toList());
        }
        for (Path file : scripts) {
            String script = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                for (String sql : script.split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
            }
        }
        return new TestDatabase(folder, ds);
    }

    /** Shuts the database down (Derby reports a clean shutdown as an exception). */
    public void shutdown() {
        dataSource.setShutdownDatabase("shutdown");
        try {
            dataSource.getConnection().close();
        } catch (SQLException expected) {
            // 08006: shut down
        }
    }
}
