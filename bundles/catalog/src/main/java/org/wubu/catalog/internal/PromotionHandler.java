package org.wubu.catalog.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.approvals.api.ApprovalKind;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalStep;
import org.wubu.catalog.api.Promotion;
import org.wubu.catalog.api.PromotionKind;
import org.wubu.catalog.api.PromotionService;
import org.wubu.catalog.api.PromotionStatus;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;

/**
 * Promotions as approval requests (CAT-4): the planner proposes, the marketing director approves. The
 * final approval changes no price: {@link #apply} only marks the promotion approved, and the content
 * specialist applies it through {@link PromotionService#apply}.
 *
 * <p>Payload: {@code {"promotionId":1,"nameZh":"...","nameEn":"...","kind":"PERCENT","percentOff":20,"fixedPrice":null,
 * "currency":null,"skus":["TEA-LJ-250"],"categories":["tea/green"],"startAt":"...","endAt":"..."}}.
 */
@Component(service = ApprovalHandler.class, property = ApprovalHandler.KIND + "=" + PromotionService.KIND)
public class PromotionHandler implements ApprovalHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final ApprovalKind KIND = new ApprovalKind(PromotionService.KIND, "Promotion", "促销活动",
            List.of(ApprovalStep.role("marketing-director", "Marketing director", "营销总监")), null);

    private final PromotionStore promotions;
    private final ShopClock clock;

    @Activate
    public PromotionHandler(@Reference PromotionStore promotions, @Reference ShopClock clock) {
        this.promotions = promotions;
        this.clock = clock;
    }

    @Override
    public ApprovalKind kind() {
        return KIND;
    }

    static long promotionId(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            if (n == null || !n.path("promotionId").canConvertToLong()) {
                throw new ValidationException("a promotion request names its promotionId", Map.of("promotionId", "missing"));
            }
            return n.path("promotionId").asLong();
        } catch (IOException e) {
            throw new ValidationException("the promotion request is not valid JSON: " + e.getMessage());
        }
    }

    @Override
    public void validate(Caller requester, String payload) {
        requester.require(PromotionService.PROPOSE);
        Promotion p = promotions.promotionById(promotionId(payload));
        if (p.status() != PromotionStatus.PENDING || !p.proposedBy().equals(requester.username())) {
            throw new ValidationException("promotion " + p.id() + " is not a pending promotion of " + requester.username(),
                    Map.of("promotionId", "not pending"));
        }
    }

    @Override
    public String render(ApprovalRequest request, Locale locale) {
        Promotion p = promotions.promotionById(promotionId(request.payload()));
        boolean zh = !"en".equals(locale.getLanguage());
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        String from = p.startAt().atZone(clock.zone()).format(f);
        String to = p.endAt().atZone(clock.zone()).format(f);
        String skus = PromotionStore.named(p.skus());
        String categories = String.join(", ", p.categories());
        if (zh) {
            String what = p.kind() == PromotionKind.PERCENT ? "减价 " + p.percentOff() + "%" : "一口价 " + p.fixedPrice();
            return "促销「" + p.nameZh() + "」：" + what + "，商品 " + (skus.isEmpty() ? "—" : skus) + "，类目 "
                    + (categories.isEmpty() ? "—" : categories) + "，" + from + " 至 " + to + "（" + clock.zone() + "）。"
                    + "批准后由网站维护专员执行，执行后才影响售价。";
        }
        String what = p.kind() == PromotionKind.PERCENT ? p.percentOff() + "% off" : "fixed price " + p.fixedPrice();
        return "Promotion \"" + p.nameEn() + "\": " + what + " on products " + (skus.isEmpty() ? "-" : skus) + ", categories "
                + (categories.isEmpty() ? "-" : categories) + ", from " + from + " to " + to + " (" + clock.zone() + ")."
                + " Once approved, the content specialist applies it; prices change only then.";
    }

    @Override
    public void apply(ApprovalRequest request) {
        promotions.markApproved(promotionId(request.payload()), request);
    }
}
