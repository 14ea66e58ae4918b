package org.wubu.orders.api;

import java.time.Instant;

/**
 * One appended record of an order (ORD-5): never changed, never removed. Its {@link #hash()} is
 * SHA-256 ({@link org.wubu.platform.api.chain.HashChain#link}) over the previous global hash and the
 * canonical form of every other field, so changing any field, removing a record or reordering
 * records breaks both chains.
 *
 * @param id                 the global sequence: 1, 2, 3 ... over all orders, without gaps
 * @param orderId            the order
 * @param sequence           1, 2, 3 ... within the order; 1 is always {@link RecordKind#CREATED}
 * @param kind               what it records
 * @param payload            canonical JSON (keys sorted, no blanks); {@code {}} when there is nothing to add
 * @param actor              who caused it (a username, {@code system}, or an integration's account)
 * @param occurredAt         when, UTC, millisecond precision
 * @param corrects           the id of the record an {@link RecordKind#AMENDMENT} corrects, else null
 * @param previousOrderHash  the hash of the order's previous record ({@link org.wubu.platform.api.chain.HashChain#GENESIS} for sequence 1)
 * @param previousGlobalHash the hash of the record with id - 1 (GENESIS for id 1)
 * @param hash               this record's hash
 */
public record OrderRecord(long id, long orderId, int sequence, RecordKind kind, String payload, String actor,
                          Instant occurredAt, Long corrects, String previousOrderHash, String previousGlobalHash, String hash) {
}
