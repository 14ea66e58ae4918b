package org.wubu.orders.internal;

import java.time.Instant;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.chain.HashChain;

/**
 * How an order record is hashed: SHA-256 ({@link HashChain#link}) over the previous global hash and
 * the canonical form of every other field, the previous hash of the order included. So one hash
 * seals the record into both chains.
 */
final class RecordChain {

    private RecordChain() {
    }

    static String hash(long id, long orderId, int sequence, RecordKind kind, String payload, String actor, Instant occurredAt,
                       Long corrects, String previousOrderHash, String previousGlobalHash) {
        return HashChain.link(previousGlobalHash, Long.toString(id), Long.toString(orderId), Integer.toString(sequence),
                kind.name(), payload, actor, occurredAt.toString(), corrects == null ? "" : corrects.toString(),
                previousOrderHash);
    }

    static String hash(OrderRecord r) {
        return hash(r.id(), r.orderId(), r.sequence(), r.kind(), r.payload(), r.actor(), r.occurredAt(), r.corrects(),
                r.previousOrderHash(), r.previousGlobalHash());
    }

    /** A record whose hash is computed from its fields and the two previous hashes. */
    static OrderRecord seal(long id, long orderId, int sequence, RecordKind kind, String payload, String actor, Instant at,
                            Long corrects, String previousOrderHash, String previousGlobalHash) {
        Instant t = Utc.millis(at);
        return new OrderRecord(id, orderId, sequence, kind, payload, actor, t, corrects, previousOrderHash, previousGlobalHash,
                hash(id, orderId, sequence, kind, payload, actor, t, corrects, previousOrderHash, previousGlobalHash));
    }
}
