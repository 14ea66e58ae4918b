-- The media store (CMS-9): one row per stored file; the bytes are in the data folder under
-- media/<first 2 hex digits>/<id>. The id is the SHA-256 of the content (64 hex digits).
-- Times are UTC. Portable SQL: Derby and PostgreSQL.
CREATE TABLE MED_ITEM (
    ID            CHAR(64)      NOT NULL,
    KIND          VARCHAR(20)   NOT NULL,
    CONTENT_TYPE  VARCHAR(100)  NOT NULL,
    SIZE_BYTES    BIGINT        NOT NULL,
    ORIGINAL_NAME VARCHAR(255)  NOT NULL,
    UPLOADED_BY   VARCHAR(100)  NOT NULL,
    UPLOADED_AT   TIMESTAMP     NOT NULL,
    CONSTRAINT MED_ITEM_PK PRIMARY KEY (ID),
    CONSTRAINT MED_ITEM_KIND_CK CHECK (KIND IN ('IMAGE', 'VIDEO', 'DOCUMENT')),
    CONSTRAINT MED_ITEM_SIZE_CK CHECK (SIZE_BYTES > 0)
);
CREATE INDEX MED_ITEM_UPLOADED_IX ON MED_ITEM (UPLOADED_AT);
