package org.wubu.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The SQL dialect of the shared database, as the name of the migration sub-folder that holds its
 * script variants: {@value #DERBY} (the embedded default), {@value #POSTGRESQL}, or for any other
 * database its product name in lower case without blanks (e.g. {@code h2}).
 */
final class SqlDialect {

    static final String DERBY = "derby";
    static final String POSTGRESQL = "postgresql";

    private SqlDialect() {
    }

    static String of(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return of(c.getMetaData().getDatabaseProductName());
        }
    }

    /** From JDBC's product name: "Apache Derby", "PostgreSQL", "H2" ... */
    static String of(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("derby")) {
            return DERBY;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        String folder = name.replaceAll("[^a-z0-9]", "");
        return folder.isEmpty() ? "unknown" : folder;
    }
}
