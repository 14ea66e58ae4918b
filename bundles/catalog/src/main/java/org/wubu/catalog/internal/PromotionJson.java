package org.wubu.catalog.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wubu.catalog.api.Offer;
import org.wubu.catalog.api.Promotion;
import org.wubu.platform.api.ValidationException;

/** The JSON forms of promotions and offers; times with the shop's offset, money as {@code {"amount","currency"}}. */
final class PromotionJson {

    private PromotionJson() {
    }

    static String at(Instant i, ZoneId zone) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime().toString();
    }

    /** An ISO-8601 time with offset from a JSON body; null when absent; 400 naming the field otherwise. */
    static Instant time(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.trim()).toInstant();
        } catch (DateTimeException e) {
            try {
                return Instant.parse(s.trim());
            } catch (DateTimeException e2) {
                throw new ValidationException(field + " must be an ISO-8601 time with offset, e.g. 2026-11-27T18:00:00+08:00 (got '"
                        + s + "')", Map.of(field, "not a time"));
            }
        }
    }

    static Map<String, Object> promotion(Promotion p, Instant now, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("approvalId", p.approvalId());
        m.put("nameZh", p.nameZh());
        m.put("nameEn", p.nameEn());
        m.put("kind", p.kind().name());
        m.put("percentOff", p.percentOff());
        m.put("fixedPrice", CatalogServlet.money(p.fixedPrice()));
        m.put("skus", p.skus());
        m.put("categories", p.categories());
        m.put("startAt", at(p.startAt(), zone));
        m.put("endAt", at(p.endAt(), zone));
        m.put("status", p.status().name());
        m.put("inEffect", p.inEffectAt(now));
        m.put("proposedBy", p.proposedBy());
        m.put("proposedAt", at(p.proposedAt(), zone));
        m.put("approvedAt", at(p.approvedAt(), zone));
        m.put("appliedBy", p.appliedBy());
        m.put("appliedAt", at(p.appliedAt(), zone));
        m.put("cancelledBy", p.cancelledBy());
        m.put("cancelledAt", at(p.cancelledAt(), zone));
        m.put("cancelReason", p.cancelReason());
        return m;
    }

    static Map<String, Object> offer(Offer o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", o.sku());
        m.put("titleZh", o.titleZh());
        m.put("titleEn", o.titleEn());
        m.put("category", o.category());
        m.put("status", o.status().name());
        m.put("listed", o.listed());
        m.put("listPrice", CatalogServlet.money(o.listPrice()));
        m.put("effectivePrice", CatalogServlet.money(o.effectivePrice()));
        m.put("promotionId", o.promotionId());
        m.put("stockAvailable", o.stockAvailable());
        return m;
    }
}
