-- The catalog search merges the term lists' SKUs in Java's order (by code point, TermIntersection) and reads each
-- list as a keyset range (SKU >= ? ORDER BY SKU). A database created with a language collation (en_US.UTF-8)
-- would sort '-' and letters otherwise and the merge could miss products; in the collation "C" (byte order of
-- UTF-8, i.e. code point order) the index and the merge agree. Rebuilds the term table's indexes.
ALTER TABLE CAT_PRODUCT_TERM ALTER COLUMN SKU TYPE VARCHAR(64) COLLATE "C";
