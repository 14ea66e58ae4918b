package org.wubu.catalog.internal;

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
import org.wubu.catalog.api.Product;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.ValidationException;

/**
 * Abnormal delistings as approval requests (CAT-3): the content specialist asks with a reason, the
 * department lead approves, and {@link #apply} delists the product with reason "abnormal: ...".
 * Payload: {@code {"sku":"TEA-LJ-250","reason":"..."}}.
 */
@Component(service = ApprovalHandler.class, property = ApprovalHandler.KIND + "=" + CatalogService.DELISTING_KIND)
public class DelistingHandler implements ApprovalHandler {

    static final ApprovalKind KIND = new ApprovalKind(CatalogService.DELISTING_KIND, "Abnormal delisting", "异常下架",
            List.of(ApprovalStep.role("department-lead", "Department lead", "部门主管")), null);

    private final CatalogStore catalog;

    @Activate
    public DelistingHandler(@Reference CatalogStore catalog) {
        this.catalog = catalog;
    }

    @Override
    public ApprovalKind kind() {
        return KIND;
    }

    @Override
    public void validate(Caller requester, String payload) {
        requester.require(CatalogService.DELISTING_PROPOSE);
        ProductRequests r = ProductRequests.parse(payload);
        if (r.reason().isEmpty()) {
            throw new ValidationException("an abnormal delisting needs a reason", Map.of("reason", "missing"));
        }
        CatalogStore.checkDelistable(catalog.product(Caller.SYSTEM, r.sku()));
    }

    @Override
    public String render(ApprovalRequest request, Locale locale) {
        ProductRequests r = ProductRequests.parse(request.payload());
        Product p = catalog.product(Caller.SYSTEM, r.sku());
        boolean zh = !"en".equals(locale.getLanguage());
        return zh
                ? "异常下架 " + p.sku() + "（" + p.titleZh() + "），库存 " + p.stock() + "。理由：" + r.reason() + "。"
                : "Delist " + p.sku() + " (" + p.titleEn() + "), stock " + p.stock() + ", for an abnormal reason: " + r.reason() + ".";
    }

    @Override
    public void apply(ApprovalRequest request) {
        ProductRequests r = ProductRequests.parse(request.payload());
        if (r.reason().isEmpty()) {
            throw new ValidationException("an abnormal delisting needs a reason", Map.of("reason", "missing"));
        }
        catalog.applyDelisting(r.sku(), r.reason(), request);
    }
}
