-- Orders (ORD-1 .. ORD-9), the PostgreSQL variant of ../V1__orders.sql: it replaces that script on
-- PostgreSQL only (Derby keeps running ../V1__orders.sql, whose triggers are Derby syntax). The tables
-- are the same, statement for statement; only ORD-5 at the end differs. An order is legally binding
-- once created (ORD-5): ORD_ORDER and ORD_LINE are written once, ORD_RECORD is append-only, and the
-- database refuses UPDATE, DELETE and TRUNCATE on them and on ORD_IDEMPOTENCY. Times are UTC. Money
-- is DECIMAL with its currency.

-- Order numbers, taken before the order is written so that the idempotency key can be claimed first.
CREATE SEQUENCE ORD_ORDER_ID AS BIGINT START WITH 1;

-- The header, exactly as placed. Its content is repeated in the payload of the order's CREATED record,
-- so that the hash chain covers it; orders:verify compares the two.
CREATE TABLE ORD_ORDER (
    ID             BIGINT         NOT NULL,
    CREATED_AT     TIMESTAMP      NOT NULL,
    CREATED_BY     VARCHAR(100)   NOT NULL,
    SOURCE         VARCHAR(100)   NOT NULL,
    CUSTOMER_NAME  VARCHAR(200)   NOT NULL,
    CUSTOMER_PHONE VARCHAR(50)    NOT NULL,
    ADDRESS        VARCHAR(1000)  NOT NULL,
    PAYMENT_METHOD VARCHAR(50)    NOT NULL,
    PAYMENT_AMOUNT DECIMAL(14,2)  NOT NULL,
    PAYMENT_REF    VARCHAR(200)   NOT NULL,
    CURRENCY       CHAR(3)        NOT NULL,
    TOTAL          DECIMAL(14,2)  NOT NULL,
    LINE_COUNT     INTEGER        NOT NULL,
    NOTE           VARCHAR(2000),
    CONSTRAINT ORD_ORDER_PK PRIMARY KEY (ID)
);
-- Newest first without a sort (the order list and board page by id descending).
CREATE INDEX ORD_ORDER_ID_DESC_IX ON ORD_ORDER (ID DESC);
-- Duplicate transaction references (ORD-6).
CREATE INDEX ORD_ORDER_PAYMENT_REF_IX ON ORD_ORDER (PAYMENT_REF);
CREATE INDEX ORD_ORDER_CREATED_IX ON ORD_ORDER (CREATED_AT);

CREATE TABLE ORD_LINE (
    ORDER_ID   BIGINT         NOT NULL,
    LINE_NO    INTEGER        NOT NULL,
    SKU        VARCHAR(64)    NOT NULL,
    TITLE_ZH   VARCHAR(200)   NOT NULL,
    TITLE_EN   VARCHAR(200)   NOT NULL,
    QUANTITY   BIGINT         NOT NULL,
    UNIT_PRICE DECIMAL(12,2)  NOT NULL,
    LINE_TOTAL DECIMAL(14,2)  NOT NULL,
    CONSTRAINT ORD_LINE_PK PRIMARY KEY (ORDER_ID, LINE_NO),
    CONSTRAINT ORD_LINE_ORDER_FK FOREIGN KEY (ORDER_ID) REFERENCES ORD_ORDER (ID),
    CONSTRAINT ORD_LINE_QUANTITY_CK CHECK (QUANTITY > 0)
);
CREATE INDEX ORD_LINE_SKU_IX ON ORD_LINE (SKU, ORDER_ID);

-- Everything that happens to an order, appended. ID is the global sequence (previous ID + 1, no gaps),
-- SEQ the order's own; each record carries the hash of the order's previous record, the hash of the
-- globally previous record and its own hash (SHA-256 over all of it). The primary key and the unique
-- previous-hash constraints make a fork of either chain impossible, even with several nodes.
CREATE TABLE ORD_RECORD (
    ID               BIGINT          NOT NULL,
    ORDER_ID         BIGINT          NOT NULL,
    SEQ              INTEGER         NOT NULL,
    KIND             VARCHAR(30)     NOT NULL,
    -- Canonical JSON: keys sorted, no blanks.
    PAYLOAD          VARCHAR(32000)  NOT NULL,
    ACTOR            VARCHAR(100)    NOT NULL,
    OCCURRED_AT      TIMESTAMP       NOT NULL,
    -- For AMENDMENT: the record it corrects.
    CORRECTS         BIGINT,
    PREV_ORDER_HASH  CHAR(64)        NOT NULL,
    PREV_GLOBAL_HASH CHAR(64)        NOT NULL,
    HASH             CHAR(64)        NOT NULL,
    CONSTRAINT ORD_RECORD_PK PRIMARY KEY (ID),
    CONSTRAINT ORD_RECORD_ORDER_SEQ_UQ UNIQUE (ORDER_ID, SEQ),
    CONSTRAINT ORD_RECORD_GLOBAL_LINK_UQ UNIQUE (PREV_GLOBAL_HASH),
    CONSTRAINT ORD_RECORD_ORDER_FK FOREIGN KEY (ORDER_ID) REFERENCES ORD_ORDER (ID),
    CONSTRAINT ORD_RECORD_CORRECTS_FK FOREIGN KEY (CORRECTS) REFERENCES ORD_RECORD (ID),
    CONSTRAINT ORD_RECORD_SEQ_CK CHECK (SEQ > 0),
    CONSTRAINT ORD_RECORD_KIND_CK CHECK (KIND IN ('CREATED', 'ACCEPTED', 'CONFIRMED', 'CONFIRMATION_OVERDUE',
        'PAYMENT_VERIFIED', 'PAYMENT_FLAGGED', 'PAYMENT_FLAG_RESOLVED', 'NOTE', 'PACKED', 'PACK_MISMATCH', 'SHIPPED',
        'DELIVERED', 'RETURN_REQUESTED', 'RETURNED', 'EXCHANGED', 'GIFT', 'CANCELLED', 'AMENDMENT'))
);
-- The daily record (ORD-4) reads a day's records.
CREATE INDEX ORD_RECORD_TIME_IX ON ORD_RECORD (OCCURRED_AT, ID);

-- Idempotency keys of intake, per account: the key, the SHA-256 of the canonical request, the order it
-- created. Claimed first in the intake transaction, so that concurrent requests with one key wait for
-- the first and then answer with its order.
CREATE TABLE ORD_IDEMPOTENCY (
    ACTOR       VARCHAR(100)  NOT NULL,
    IDEM_KEY    VARCHAR(200)  NOT NULL,
    BODY_SHA256 CHAR(64)      NOT NULL,
    ORDER_ID    BIGINT        NOT NULL,
    CREATED_AT  TIMESTAMP     NOT NULL,
    CONSTRAINT ORD_IDEMPOTENCY_PK PRIMARY KEY (ACTOR, IDEM_KEY)
);

-- Derived, not order data: the fold of each order's records (OrderLifecycle), kept in the same
-- transaction as each append so that lists and the board filter by state without reading records.
-- It can be rebuilt from ORD_RECORD at any time; orders:verify compares it with the fold. This is
-- the only orders table that is ever updated.
CREATE TABLE ORD_STATUS (
    ORDER_ID        BIGINT        NOT NULL,
    STATE           VARCHAR(30)   NOT NULL,
    LAST_SEQ        INTEGER       NOT NULL,
    LAST_RECORD_ID  BIGINT        NOT NULL,
    LAST_AT         TIMESTAMP     NOT NULL,
    ACCEPTED_AT     TIMESTAMP,
    OVERDUE         BOOLEAN       NOT NULL,
    PAYMENT_FLAGS   INTEGER       NOT NULL,
    HAS_NOTES       BOOLEAN       NOT NULL,
    CONSTRAINT ORD_STATUS_PK PRIMARY KEY (ORDER_ID),
    CONSTRAINT ORD_STATUS_ORDER_FK FOREIGN KEY (ORDER_ID) REFERENCES ORD_ORDER (ID)
);
CREATE INDEX ORD_STATUS_STATE_IX ON ORD_STATUS (STATE, ORDER_ID DESC);

-- ORD-5 in the database. Every UPDATE, DELETE or TRUNCATE of an order table fires, before it changes
-- anything, a statement trigger whose function raises an error: SQLSTATE 23514 (check_violation), the
-- constraint name ORD_5_ORDERS_ARE_IMMUTABLE and a message starting with it, the same name Derby's
-- refusal carries, so that a refusal reads the same on both databases. Triggers bind the table owner
-- too; in addition README "Switching to PostgreSQL" shows a login role without UPDATE and DELETE on
-- these tables for daily running. Only the owner, knowingly, can drop a trigger and change a row,
-- and orders:verify reports any row so changed. ORD_STATUS (derived, rebuilt from the records) stays
-- updatable.
CREATE FUNCTION ORD_5_REFUSE() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING
        ERRCODE = 'check_violation',
        CONSTRAINT = 'ORD_5_ORDERS_ARE_IMMUTABLE',
        TABLE = TG_TABLE_NAME,
        MESSAGE = 'ORD_5_ORDERS_ARE_IMMUTABLE: ' || TG_OP || ' on ' || upper(TG_TABLE_NAME) || ' refused: an order is'
            || ' legally binding once created; nobody may change or delete its data (ORD-5)',
        HINT = 'Append a record to the order instead (an AMENDMENT corrects an earlier record).';
END
$$;
CREATE TRIGGER ORD_ORDER_NO_UPDATE BEFORE UPDATE ON ORD_ORDER FOR EACH STATEMENT EXECUTE PROCEDURE ORD_5_REFUSE();
CREATE TRIGGER ORD_ORDER_NO_DELETE BEFORE DELETE OR TRUNCATE ON ORD_ORDER FOR EACH STATEMENT EXECUTE PROCEDURE ORD_5_REFUSE();
CREATE TRIGGER ORD_LINE_NO_UPDATE BEFORE UPDATE ON ORD_LINE FOR EACH STATEMENT EXECUTE PROCEDURE ORD_5_REFUSE();
CREATE TRIGGER ORD_LINE_NO_DELETE BEFORE DELETE OR TRUNCATE ON ORD_LINE FOR EACH STATEMENT EXECUTE PROCEDURE ORD_5_REFUSE();
CREATE TRIGGER ORD_RECORD_NO_UPDATE BEFORE UPDATE ON ORD_RECORD FOR EACH STATEMENT EXECUTE PROCEDURE ORD_5_REFUSE();
CREATE TRIGGER ORD_RECORD_NO_DELETE BEFORE DELETE OR TRUNCATE ON ORD_RECORD FOR EACH STATEMENT EXECUTE PROCEDURE ORD_5_REFUSE();
CREATE TRIGGER ORD_IDEMPOTENCY_NO_UPDATE BEFORE UPDATE ON ORD_IDEMPOTENCY FOR EACH STATEMENT EXECUTE PROCEDURE ORD_5_REFUSE();
CREATE TRIGGER ORD_IDEMPOTENCY_NO_DELETE BEFORE DELETE OR TRUNCATE ON ORD_IDEMPOTENCY FOR EACH STATEMENT EXECUTE PROCEDURE ORD_5_REFUSE();
