package org.wubu.catalog.api;

import java.time.Instant;

/**
 * A node of the category tree. The path names it and its place: {@code tea/green} lies below {@code tea}.
 *
 * @param path          lower-case segments joined by '/', e.g. {@code tea/green}
 * @param parentPath    the parent's path, or null for a top-level category
 * @param nameZh        its name in Chinese
 * @param nameEn        its name in English
 * @param sortOrder     where it stands among its siblings (smaller first, then by path)
 * @param productCount  products filed directly under it
 * @param totalCount    products under it and every category below it
 * @param version       the edit version: a rename may name the version it started from
 * @param updatedBy     who created or renamed it last
 * @param updatedAt     when
 */
public record Category(String path, String parentPath, String nameZh, String nameEn, int sortOrder, long productCount,
                       long totalCount, long version, String updatedBy, Instant updatedAt) {

    /** The depth of a path: 1 for {@code tea}, 2 for {@code tea/green}. */
    public int depth() {
        return path.split("/").length;
    }
}
