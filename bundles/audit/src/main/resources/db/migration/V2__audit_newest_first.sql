-- The audit log is read newest first (GET /api/audit pages by SEQ DESC). Derby cannot walk the primary
-- key's ascending index backwards for ORDER BY ... DESC and sorted the whole table for every page; a
-- descending index hands out the newest entries first, whatever the size of the log.
CREATE INDEX AUDIT_ENTRY_SEQ_DESC_IX ON AUDIT_ENTRY (SEQ DESC);
