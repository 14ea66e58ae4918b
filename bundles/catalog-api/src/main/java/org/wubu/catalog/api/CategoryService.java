package org.wubu.catalog.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Topics;

/**
 * The catalog's category tree. Reading needs {@link CatalogService#READ}; creating and renaming need
 * {@link CatalogService#PRODUCT_EDIT}. Once any category exists, a product must be filed under an existing
 * one (the catalog refuses an unknown category naming the field).
 */
@ProviderType
public interface CategoryService {

    /** Event: a category was created; carries {@link #PATH}. */
    String CATEGORY_CREATED = Topics.topic("catalog", "CATEGORY_CREATED");
    /** Event: a category was renamed or moved in its siblings' order; carries {@link #PATH}. */
    String CATEGORY_CHANGED = Topics.topic("catalog", "CATEGORY_CHANGED");
    /** Event property: the category's path. */
    String PATH = "path";

    /** Pattern of a path: 1 to 5 segments of lower-case letters, digits and '-', joined by '/'. */
    String PATH_PATTERN = "[a-z0-9][a-z0-9-]{0,39}(/[a-z0-9][a-z0-9-]{0,39}){0,4}";

    /**
     * Every category, parents before their children, siblings by sort order then path; with the number of
     * products directly under each and under each with everything below it.
     */
    List<Category> categories(Caller caller);

    /** Creates a category under an existing parent (or at the top); the path must be new. */
    Category create(Caller caller, String path, String nameZh, String nameEn, Integer sortOrder);

    /**
     * Renames a category (and optionally moves it among its siblings). {@code expectedVersion}, when given,
     * is the version the editor loaded: a stale one is a {@link CatalogService#CONFLICT}.
     */
    Category rename(Caller caller, String path, String nameZh, String nameEn, Integer sortOrder, Long expectedVersion);
}
