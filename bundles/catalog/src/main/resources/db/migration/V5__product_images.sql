-- Product images (CAT-7): the media store (MED_ITEM, another bundle's table, hence no foreign key)
-- holds the bytes; a product keeps the ids in display order with alt texts in both languages.
-- A product needs at least one image to be listed. Times are UTC. Portable SQL: Derby and PostgreSQL.
CREATE TABLE CAT_PRODUCT_IMAGE (
    SKU        VARCHAR(64)   NOT NULL,
    MEDIA_ID   CHAR(64)      NOT NULL,
    -- 1, 2, 3 ... in display order; the first image is the product's main image.
    SORT_ORDER INT           NOT NULL,
    ALT_ZH     VARCHAR(200)  NOT NULL,
    ALT_EN     VARCHAR(200)  NOT NULL,
    ADDED_BY   VARCHAR(100)  NOT NULL,
    ADDED_AT   TIMESTAMP     NOT NULL,
    CONSTRAINT CAT_PRODUCT_IMAGE_PK PRIMARY KEY (SKU, MEDIA_ID),
    CONSTRAINT CAT_PRODUCT_IMAGE_SKU_FK FOREIGN KEY (SKU) REFERENCES CAT_PRODUCT (SKU),
    CONSTRAINT CAT_PRODUCT_IMAGE_ORDER_CK CHECK (SORT_ORDER > 0)
);
CREATE INDEX CAT_PRODUCT_IMAGE_ORDER_IX ON CAT_PRODUCT_IMAGE (SKU, SORT_ORDER);
