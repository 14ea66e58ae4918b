-- The duty roster (DUTY-1..3): one row per shift. Times are UTC epoch milliseconds (portable between Derby
-- and PostgreSQL, no zone conversions in the database). A removed shift keeps its row with who removed it,
-- when and why, so that the roster of any past day can still be told; every query skips removed rows.
CREATE TABLE ROSTER_SHIFT (
  ID BIGINT GENERATED ALWAYS AS IDENTITY,
  USERNAME VARCHAR(64) NOT NULL,
  ROLE_NAME VARCHAR(64) NOT NULL,
  LOCATION VARCHAR(64) NOT NULL,
  START_MS BIGINT NOT NULL,
  END_MS BIGINT NOT NULL,
  NOTE VARCHAR(500),
  CREATED_BY VARCHAR(64) NOT NULL,
  CREATED_MS BIGINT NOT NULL,
  REMOVED_BY VARCHAR(64),
  REMOVED_MS BIGINT,
  REMOVE_REASON VARCHAR(500),
  CONSTRAINT ROSTER_SHIFT_PK PRIMARY KEY (ID),
  CONSTRAINT ROSTER_SHIFT_SPAN CHECK (END_MS > START_MS)
);
-- A shift is at most 24 h long, so "who is on duty at T" and "the shifts of these days" are one index range
-- each: starts between T - 24 h and T (per role), starts up to 24 h before the first day (all).
CREATE INDEX ROSTER_SHIFT_ROLE_IX ON ROSTER_SHIFT (ROLE_NAME, START_MS);
CREATE INDEX ROSTER_SHIFT_USER_IX ON ROSTER_SHIFT (USERNAME, START_MS);
CREATE INDEX ROSTER_SHIFT_START_IX ON ROSTER_SHIFT (START_MS);
