package org.wubu.orders.api;

import java.time.Instant;

/**
 * A note on an order, shown prominently wherever it is handled (ORD-7): the customer's note from
 * intake (record 0 when it came with the order's header) or a {@link RecordKind#NOTE} record, and
 * the reasons of {@link RecordKind#AMENDMENT}s.
 *
 * @param recordId the record that carries it (the CREATED record for the customer's note)
 * @param kind     CREATED, NOTE or AMENDMENT
 * @param actor    who wrote it
 * @param at       when
 * @param text     the note
 */
public record OrderNote(long recordId, RecordKind kind, String actor, Instant at, String text) {
}
