package org.wubu.platform.api.persistence;

/**
 * A marker service registered by the persistence bundle once a bundle's schema migrations are all
 * applied, with the property {@link #BUNDLE} set to that bundle's symbolic name. A component that
 * needs its tables references it, so it cannot start on a schema that failed to migrate:
 * <pre>{@code @Reference(target = "(wubu.schema=org.wubu.audit)") SchemaReady schema}</pre>
 *
 * <p>A bundle takes part by shipping scripts {@code db/migration/V<n>__<description>.sql} (or in the
 * folder named by the {@link #HEADER} manifest header). Scripts are applied in version order, once,
 * each in its own transaction, and recorded with a checksum; an applied script must never change.
 * A script that cannot be portable has a variant for one database in a sub-folder named after it
 * ({@code db/migration/postgresql/V1__orders.sql}), which replaces it on that database only.
 */
public interface SchemaReady {

    /** Service property: the symbolic name of the bundle whose schema is ready. */
    String BUNDLE = "wubu.schema";

    /** Optional manifest header naming the folder of migration scripts. */
    String HEADER = "Wubu-Migrations";

    /** The default folder of migration scripts. */
    String DEFAULT_FOLDER = "db/migration";
}
