package org.wubu.persistence.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.derby.jdbc.EmbeddedDriver;
import org.junit.rules.ExternalResource;

/** A fresh embedded Derby database under target/ for one test, shut down afterwards. */
class DerbyFixture extends ExternalResource {

    Path root;
    EmbeddedDataSource dataSource;
    final EmbeddedDriver driver = new EmbeddedDriver();

    @Override
    protected void before() throws IOException {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        Files.createDirectories(Path.of("target"));
        root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "derby-");
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(root.resolve("data/derby/wubu").toString());
        dataSource.setCreateDatabase("create");
    }

    @Override
    protected void after() {
        dataSource.setShutdownDatabase("shutdown");
        try {
            dataSource.getConnection().close();
        } catch (SQLException expected) {
            // 08006: the database was shut down
        }
        try {
            DerbyBackups.deleteRecursively(root);
        } catch (IOException ignored) {
            // target/ is cleaned by the build anyway
        }
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
