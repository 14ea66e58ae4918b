-- The catalog search merges the term lists' SKUs in Java's order (by code point, TermIntersection), which is
-- the order Derby keeps VARCHAR columns in: nothing to change here. PostgreSQL sorts by the database's
-- collation; its variant of this version (postgresql/V8__term_sku_code_point_order.sql) gives the term index's
-- SKU column the byte order ("C"), so the merge sees the same order whatever collation the database was made with.
VALUES 1;
