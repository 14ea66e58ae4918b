package org.wubu.platform.api.persistence;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** What the migration extender knows about every bundle that ships migrations. */
@ProviderType
public interface SchemaMigrations {

    List<MigrationReport> reports();
}
