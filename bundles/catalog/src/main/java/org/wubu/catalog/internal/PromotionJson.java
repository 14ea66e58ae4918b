package org.wubu.catalog.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wubu.catalog.api.Offer;
import org.wubu.catalog.api.Promotion;

/** The JSON forms of promotions and offers; times with the shop's offset, money as {@code {"amount","currency"}}. */
final class PromotionJson {

    private PromotionJson() {
    }

    static String at(Instant i, ZoneId zone) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime().toString();
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
