package org.wubu.catalog.internal;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.wubu.catalog.api.OpenReservation;

/**
 * CAT_OPEN_RESERVATION: what each (reference, product) still holds, kept in the transaction of every
 * movement that changes a product's reserved count. The caller has already taken the product's row lock
 * (the guarded stock UPDATE comes first), so two transactions never race for the same pair here.
 */
final class OpenReservationTable {

    private OpenReservationTable() {
    }

    /**
     * A reservation ({@code delta > 0}) adds to the pair and makes it as young as {@code now}; a release or
     * commit ({@code delta < 0}) takes from it, and the pair goes when nothing is left. Giving back more than
     * a reference holds (allowed as long as the product has that much reserved in all) just empties the pair.
     */
    static void adjust(EntityManager em, String reference, String sku, long delta, LocalDateTime now) {
        if (delta > 0) {
            int rows = em.createNativeQuery("UPDATE CAT_OPEN_RESERVATION SET QUANTITY = QUANTITY + ?1, RESERVED_AT = ?2"
                            + " WHERE REFERENCE = ?3 AND SKU = ?4")
                    .setParameter(1, delta).setParameter(2, Timestamp.valueOf(now)).setParameter(3, reference)
                    .setParameter(4, sku).executeUpdate();
            if (rows == 0) {
                em.createNativeQuery("INSERT INTO CAT_OPEN_RESERVATION (REFERENCE, SKU, QUANTITY, RESERVED_AT) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, reference).setParameter(2, sku).setParameter(3, delta)
                        .setParameter(4, Timestamp.valueOf(now)).executeUpdate();
            }
        } else if (delta < 0) {
            int rows = em.createNativeQuery("UPDATE CAT_OPEN_RESERVATION SET QUANTITY = QUANTITY + ?1"
                            + " WHERE REFERENCE = ?2 AND SKU = ?3 AND QUANTITY + ?1 > 0")
                    .setParameter(1, delta).setParameter(2, reference).setParameter(3, sku).executeUpdate();
            if (rows == 0) {
                em.createNativeQuery("DELETE FROM CAT_OPEN_RESERVATION WHERE REFERENCE = ?1 AND SKU = ?2")
                        .setParameter(1, reference).setParameter(2, sku).executeUpdate();
            }
        }
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
