-- The product model (issue 5): the category tree, product attributes, the edit history (CAT-7) and the
-- search term index. Portable SQL: Derby and PostgreSQL. Categories of products that exist already are
-- created by the catalog when it starts (with their parents), and so are the search terms of products
-- stored before this version: both need code (paths split into parents, titles into terms).

CREATE TABLE CAT_CATEGORY (
    -- Lower-case segments joined by a slash, e.g. tea/green. The parent is the path without its last segment.
    PATH        VARCHAR(200)  NOT NULL,
    PARENT_PATH VARCHAR(200),
    NAME_ZH     VARCHAR(100)  NOT NULL,
    NAME_EN     VARCHAR(100)  NOT NULL,
    SORT_ORDER  INTEGER       NOT NULL,
    CREATED_BY  VARCHAR(100)  NOT NULL,
    CREATED_AT  TIMESTAMP     NOT NULL,
    UPDATED_BY  VARCHAR(100)  NOT NULL,
    UPDATED_AT  TIMESTAMP     NOT NULL,
    VERSION     BIGINT        NOT NULL,
    CONSTRAINT CAT_CATEGORY_PK PRIMARY KEY (PATH),
    CONSTRAINT CAT_CATEGORY_PARENT_FK FOREIGN KEY (PARENT_PATH) REFERENCES CAT_CATEGORY (PATH)
);

-- Attributes of a product (name and value in zh-CN and English, in order) as a JSON array:
-- they are read and written with the product, under its optimistic lock.
ALTER TABLE CAT_PRODUCT ADD COLUMN ATTRIBUTES VARCHAR(20000) DEFAULT '[]' NOT NULL;

-- One row per version of a product: who made it, when, and what kind of change it was.
CREATE TABLE CAT_PRODUCT_REVISION (
    SKU         VARCHAR(64)   NOT NULL,
    VERSION     BIGINT        NOT NULL,
    ACTION      VARCHAR(20)   NOT NULL,
    CHANGED_BY  VARCHAR(100)  NOT NULL,
    CHANGED_AT  TIMESTAMP     NOT NULL,
    CONSTRAINT CAT_PRODUCT_REVISION_PK PRIMARY KEY (SKU, VERSION),
    CONSTRAINT CAT_PRODUCT_REVISION_SKU_FK FOREIGN KEY (SKU) REFERENCES CAT_PRODUCT (SKU)
);

-- The fields a revision changed, each with its old and new value (null: not set before / removed).
CREATE TABLE CAT_PRODUCT_CHANGE (
    SKU         VARCHAR(64)   NOT NULL,
    VERSION     BIGINT        NOT NULL,
    POSITION    INTEGER       NOT NULL,
    FIELD       VARCHAR(200)  NOT NULL,
    OLD_VALUE   VARCHAR(4000),
    NEW_VALUE   VARCHAR(4000),
    CONSTRAINT CAT_PRODUCT_CHANGE_PK PRIMARY KEY (SKU, VERSION, POSITION),
    CONSTRAINT CAT_PRODUCT_CHANGE_REV_FK FOREIGN KEY (SKU, VERSION) REFERENCES CAT_PRODUCT_REVISION (SKU, VERSION)
);

-- The search index: every term a product can be found by (the segments of its SKU and the words of its
-- titles, each also stored by its prefixes so that "starts with" is an exact lookup, the single characters
-- and character pairs of its Chinese title, and its category with every category above it, as @path).
-- Searching and filtering by category read (TERM, SKU) in SKU order from the primary key, so a page costs
-- the same with 1,000 or 100,000 products. Written in the same transaction as the product.
CREATE TABLE CAT_PRODUCT_TERM (
    TERM        VARCHAR(210)  NOT NULL,
    SKU         VARCHAR(64)   NOT NULL,
    CONSTRAINT CAT_PRODUCT_TERM_PK PRIMARY KEY (TERM, SKU),
    CONSTRAINT CAT_PRODUCT_TERM_SKU_FK FOREIGN KEY (SKU) REFERENCES CAT_PRODUCT (SKU)
);
