package org.wubu.catalog.internal;

import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.approvals.api.ApprovalKind;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalStep;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Product;
import org.wubu.platform.api.Caller;

/**
 * Listings as approval requests (CAT-2, CAT-7): the planner or the content specialist proposes, the
 * marketing director approves, and {@link #apply} checks the product again and lists it.
 * Payload: {@code {"sku":"TEA-LJ-250","reason":"..."}}.
 */
@Component(service = ApprovalHandler.class, property = ApprovalHandler.KIND + "=" + CatalogService.LISTING_KIND)
public class ListingHandler implements ApprovalHandler {

    static final ApprovalKind KIND = new ApprovalKind(CatalogService.LISTING_KIND, "Product listing", "商品上架",
            List.of(ApprovalStep.role("marketing-director", "Marketing director", "营销总监")), null);

    private final CatalogStore catalog;

    @Activate
    public ListingHandler(@Reference CatalogStore catalog) {
        this.catalog = catalog;
    }

    @Override
    public ApprovalKind kind() {
        return KIND;
    }

    @Override
    public void validate(Caller requester, String payload) {
        requester.require(CatalogService.LISTING_PROPOSE);
        ProductRequests r = ProductRequests.parse(payload);
        catalog.checkListable(catalog.product(Caller.SYSTEM, r.sku()));
    }

    @Override
    public String render(ApprovalRequest request, Locale locale) {
        ProductRequests r = ProductRequests.parse(request.payload());
        Product p = catalog.product(Caller.SYSTEM, r.sku());
        boolean zh = !"en".equals(locale.getLanguage());
        return zh
                ? "上架 " + p.sku() + "（" + p.titleZh() + " / " + p.titleEn() + "），售价 " + p.price() + "，库存 " + p.stock()
                        + "，当前状态 " + p.status() + (r.reason().isEmpty() ? "。" : "。理由：" + r.reason() + "。")
                : "List " + p.sku() + " (" + p.titleEn() + " / " + p.titleZh() + ") at " + p.price() + ", stock " + p.stock()
                        + ", now " + p.status() + (r.reason().isEmpty() ? "." : ". Reason: " + r.reason() + ".");
    }

    @Override
    public void apply(ApprovalRequest request) {
        catalog.applyListing(ProductRequests.parse(request.payload()).sku(), request);
    }
}
