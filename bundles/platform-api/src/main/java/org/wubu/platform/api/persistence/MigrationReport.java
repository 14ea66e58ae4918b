package org.wubu.platform.api.persistence;

import java.util.List;

/**
 * The state of one bundle's schema.
 *
 * @param bundle  the bundle's symbolic name
 * @param ok      all scripts applied and unchanged
 * @param applied the versions recorded as applied, in order
 * @param error   why the schema is not ready (failed script, altered script), or null
 */
public record MigrationReport(String bundle, boolean ok, List<String> applied, String error) {

    public MigrationReport {
        applied = List.copyOf(applied);
    }
}
