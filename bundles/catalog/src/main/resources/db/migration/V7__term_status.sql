-- The product's status on each of its search terms (issue 5, "red silk"): a search with a status filter reads
-- only the entries of products in that status, from the index (TERM, STATUS, SKU), which hands them out in
-- SKU order for one term and one status like the primary key (TERM, SKU) does for one term. The lists
-- intersected are then shorter, and no product is loaded only to be dropped for its status. Kept in step with
-- CAT_PRODUCT.STATUS in the transaction of every status change (ProductSearch.restatus). Portable SQL: Derby
-- and PostgreSQL (a CHECK instead of ALTER ... NOT NULL, whose syntax differs between the two).
ALTER TABLE CAT_PRODUCT_TERM ADD COLUMN STATUS VARCHAR(20);
UPDATE CAT_PRODUCT_TERM SET STATUS = (SELECT p.STATUS FROM CAT_PRODUCT p WHERE p.SKU = CAT_PRODUCT_TERM.SKU);
ALTER TABLE CAT_PRODUCT_TERM ADD CONSTRAINT CAT_PRODUCT_TERM_STATUS_CK CHECK (STATUS IS NOT NULL);
CREATE INDEX CAT_PRODUCT_TERM_STATUS_IX ON CAT_PRODUCT_TERM (TERM, STATUS, SKU);
