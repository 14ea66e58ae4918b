package org.wubu.catalog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.Query;
import org.wubu.catalog.api.Promotion;
import org.wubu.catalog.api.PromotionKind;
import org.wubu.catalog.api.PromotionStatus;

/**
 * Reads promotions with their targets (CAT_PROMOTION, CAT_PROMOTION_TARGET). The stored status never
 * says ENDED: a promotion that is neither rejected nor cancelled reads as ENDED once its end has passed.
 */
final class PromotionRows {

    static final String TARGET_SKU = "SKU";
    static final String TARGET_CATEGORY = "CATEGORY";
    /** Stored statuses of promotions that still count for overlaps (ENDED ones are among them). */
    static final String OPEN = "('PENDING', 'APPROVED_AWAITING_APPLY', 'ACTIVE')";

    static final String SELECT = "SELECT ID, APPROVAL_ID, NAME_ZH, NAME_EN, KIND, PERCENT_OFF, FIXED_PRICE, CURRENCY, START_AT,"
            + " END_AT, STATUS, PROPOSED_BY, PROPOSED_AT, APPROVED_AT, APPLIED_BY, APPLIED_AT, CANCELLED_BY, CANCELLED_AT,"
            + " CANCEL_REASON FROM CAT_PROMOTION";

    private PromotionRows() {
    }

    /** The status as seen at {@code now}. */
    static PromotionStatus status(String stored, Instant endAt, Instant now) {
        PromotionStatus s = PromotionStatus.valueOf(stored.trim());
        boolean open = s == PromotionStatus.PENDING || s == PromotionStatus.APPROVED_AWAITING_APPLY || s == PromotionStatus.ACTIVE;
        return open && !now.isBefore(endAt) ? PromotionStatus.ENDED : s;
    }

    /** Runs {@link #SELECT} + {@code where} (with positional parameters) and loads the targets of the rows. */
    static List<Promotion> query(EntityManager em, String where, List<Object> params, int max, Instant now) {
        Query q = em.createNativeQuery(SELECT + " " + where);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        if (max > 0) {
            q.setMaxResults(max);
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object r : q.getResultList()) {
            rows.add((Object[]) r);
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> skus = new LinkedHashMap<>();
        Map<Long, List<String>> categories = new LinkedHashMap<>();
        List<String> ids = rows.stream().map(r -> String.valueOf(((Number) r[0]).longValue())).collect(Collectors.toList());
        // Ids are numbers: inlined, they keep the IN list free of parameter type guessing.
        String in = String.join(", ", ids);
        for (Object r : em.createNativeQuery("SELECT PROMOTION_ID, KIND, TARGET FROM CAT_PROMOTION_TARGET WHERE PROMOTION_ID IN ("
                + in + ") ORDER BY PROMOTION_ID, KIND, TARGET").getResultList()) {
            Object[] t = (Object[]) r;
            long id = ((Number) t[0]).longValue();
            (TARGET_SKU.equals(((String) t[1]).trim()) ? skus : categories).computeIfAbsent(id, k -> new ArrayList<>()).add((String) t[2]);
        }
        List<Promotion> out = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            Instant end = Sql.instant(r[9]);
            out.add(new Promotion(id, Sql.longOrNull(r[1]), (String) r[2], (String) r[3], PromotionKind.valueOf(((String) r[4]).trim()),
                    r[5] == null ? null : ((Number) r[5]).intValue(), Sql.money(r[6], r[7]), skus.getOrDefault(id, List.of()),
                    categories.getOrDefault(id, List.of()), Sql.instant(r[8]), end, status((String) r[10], end, now),
                    (String) r[11], Sql.instant(r[12]), Sql.instant(r[13]), (String) r[14], Sql.instant(r[15]), (String) r[16],
                    Sql.instant(r[17]), (String) r[18]));
        }
        return out;
    }

    static Promotion byId(EntityManager em, long id, Instant now) {
        List<Promotion> found = query(em, "WHERE ID = ?1", List.of(id), 0, now);
        return found.isEmpty() ? null : found.get(0);
    }
}
