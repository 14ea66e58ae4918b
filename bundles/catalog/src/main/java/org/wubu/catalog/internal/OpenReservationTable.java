package org.wubu.catalog.internal;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.wubu.catalog.api.OpenReservation;

/**
 * CAT_OPEN_RESERVATION: what each (reference, product) still holds, kept in the transaction of every
 * movement that changes a product's reserved count ({@link MovementRows#holdings}); read here in pages.
 */
final class OpenReservationTable {

    private OpenReservationTable() {
    }

    /** One page, ordered by id; {@code from} may be null. The prefix is matched literally (its % and _ escaped). */
    static List<OpenReservation> page(EntityManager em, String prefix, LocalDateTime from, LocalDateTime before, long afterId,
                                      int limit) {
        String sql = "SELECT ID, REFERENCE, SKU, QUANTITY, RESERVED_AT FROM CAT_OPEN_RESERVATION"
                + " WHERE REFERENCE LIKE ?1 ESCAPE '\\' AND RESERVED_AT < ?2 AND ID > ?3"
                + (from == null ? "" : " AND RESERVED_AT >= ?4") + " ORDER BY ID";
        var q = em.createNativeQuery(sql).setParameter(1, likePrefix(prefix)).setParameter(2, Timestamp.valueOf(before))
                .setParameter(3, afterId);
        if (from != null) {
            q.setParameter(4, Timestamp.valueOf(from));
        }
        List<?> rows = q.setMaxResults(limit).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new OpenReservation(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], ((Number) r[3]).longValue(), Utc.of(timestamp(r[4])))).collect(Collectors.toList());
    }

    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static LocalDateTime timestamp(Object value) {
        return value instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }
}
