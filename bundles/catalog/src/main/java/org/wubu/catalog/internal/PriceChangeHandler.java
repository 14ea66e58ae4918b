package org.wubu.catalog.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.PriceProposal;
import org.wubu.catalog.api.PriceProposalStatus;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.ValidationException;

/**
 * Price changes as approval requests (CAT-1): the planner proposes, the marketing director
 * approves. The final approval does not change the price: {@link #apply} only marks the proposal
 * approved, and the content specialist applies it through {@link CatalogService#applyPrice}.
 *
 * <p>Payload: {@code {"proposalId":1,"sku":"TEA-LJ-250","currentPrice":"128.00","newPrice":"118.00","currency":"CNY",
 * "competitor":"...","theirPrice":"115.00","whereSeen":"...","seenAt":"2026-11-26T02:00:00Z","reason":"..."}}.
 */
@Component(service = ApprovalHandler.class, property = ApprovalHandler.KIND + "=" + CatalogService.PRICE_CHANGE_KIND)
public class PriceChangeHandler implements ApprovalHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final ApprovalKind KIND = new ApprovalKind(CatalogService.PRICE_CHANGE_KIND, "Price change", "调价",
            List.of(ApprovalStep.role("marketing-director", "Marketing director", "营销总监")), null);

    private final CatalogStore catalog;

    @Activate
    public PriceChangeHandler(@Reference CatalogStore catalog) {
        this.catalog = catalog;
    }

    @Override
    public ApprovalKind kind() {
        return KIND;
    }

    static long proposalId(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            if (n == null || !n.path("proposalId").canConvertToLong()) {
                throw new ValidationException("a price change names its proposalId", Map.of("proposalId", "missing"));
            }
            return n.path("proposalId").asLong();
        } catch (IOException e) {
            throw new ValidationException("the price change is not valid JSON: " + e.getMessage());
        }
    }

    @Override
    public void validate(Caller requester, String payload) {
        requester.require(CatalogService.PRICE_PROPOSE);
        PriceProposal p = catalog.proposalById(proposalId(payload));
        if (p.status() != PriceProposalStatus.PENDING || !p.proposedBy().equals(requester.username())) {
            throw new ValidationException("price proposal " + p.id() + " is not a pending proposal of " + requester.username(),
                    Map.of("proposalId", "not pending"));
        }
    }

    @Override
    public String render(ApprovalRequest request, Locale locale) {
        PriceProposal p = catalog.proposalById(proposalId(request.payload()));
        boolean zh = !"en".equals(locale.getLanguage());
        var e = p.evidence();
        return zh
                ? p.sku() + " 调价：" + p.oldPrice() + " → " + p.newPrice() + "。竞品 " + e.competitor() + " 售价 " + e.theirPrice()
                        + "（" + e.whereSeen() + "，" + e.seenAt() + "）。理由：" + p.reason() + "。批准后由网站维护专员执行。"
                : "Price of " + p.sku() + ": " + p.oldPrice() + " → " + p.newPrice() + ". " + e.competitor() + " sells at "
                        + e.theirPrice() + " (" + e.whereSeen() + ", " + e.seenAt() + "). Reason: " + p.reason()
                        + ". Once approved, the content specialist applies it.";
    }

    @Override
    public void apply(ApprovalRequest request) {
        catalog.markApproved(proposalId(request.payload()), request);
    }
}
