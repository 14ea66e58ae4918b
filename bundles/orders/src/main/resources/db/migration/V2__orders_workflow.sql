-- The orders workflow (ORD-2, ORD-6 .. ORD-9) keeps no tables of its own: everything it does is an
-- appended order record. It only needs the confirmation clock's index on the status projection: the
-- accepted orders not yet marked overdue whose ten minutes ran out are one range of it, however
-- many orders the shop has (older overdue orders sit in another range and are never read again).
CREATE INDEX ORD_STATUS_CLOCK_IX ON ORD_STATUS (STATE, OVERDUE, ACCEPTED_AT);
