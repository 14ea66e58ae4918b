package org.wubu.orders.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.approvals.api.ApprovalKind;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalStep;
import org.wubu.orders.api.OrderService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.ValidationException;

/**
 * Refunds above the agent's limit (ORD-9) as approval requests decided by the CS manager. The final
 * approval records itself on the order (a NOTE by the platform, see {@link ReturnLedger}); the goods
 * are then checked in by delivery staff, which appends RETURNED and moves the stock.
 *
 * <p>Payload: {@code {"orderId":42,"request":318}} (the RETURN_REQUESTED record).
 */
@Component(service = ApprovalHandler.class, property = ApprovalHandler.KIND + "=" + Returns.APPROVAL_KIND)
public class ReturnApprovalHandler implements ApprovalHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final ApprovalKind KIND = new ApprovalKind(Returns.APPROVAL_KIND, "Refund above the agent's limit", "超权限退款",
            List.of(ApprovalStep.role("cs-manager", "CS manager", "客服主管")), null);

    private final Returns returns;

    @Activate
    public ReturnApprovalHandler(@Reference Returns returns) {
        this.returns = returns;
    }

    record Target(long orderId, long request) {
    }

    static Target target(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            if (n == null || !n.path("orderId").canConvertToLong() || !n.path("request").canConvertToLong()) {
                throw new ValidationException("a return approval names orderId and request (the RETURN_REQUESTED record)",
                        Map.of("orderId", "missing", "request", "missing"));
            }
            return new Target(n.path("orderId").asLong(), n.path("request").asLong());
        } catch (IOException e) {
            throw new ValidationException("the return approval is not valid JSON: " + e.getMessage());
        }
    }

    @Override
    public ApprovalKind kind() {
        return KIND;
    }

    @Override
    public void validate(Caller requester, String payload) {
        requester.require(OrderService.RETURN_REQUEST);
        Target t = target(payload);
        ReturnLedger.Request open = returns.ledger(Returns.SYSTEM, t.orderId()).open;
        if (open == null || open.record().id() != t.request() || !open.approvalRequired() || open.approval() != null) {
            throw new ValidationException("record " + t.request() + " is not a return request of order " + t.orderId()
                    + " waiting for approval", Map.of("request", "not waiting"));
        }
    }

    @Override
    public String render(ApprovalRequest request, Locale locale) {
        Target t = target(request.payload());
        ReturnLedger.Request open = returns.ledger(Returns.SYSTEM, t.orderId()).open;
        boolean zh = !"en".equals(locale.getLanguage());
        if (open == null || open.record().id() != t.request()) {
            return zh ? "订单 " + t.orderId() + " 的退货申请（记录 " + t.request() + "）已不再等待审批。"
                    : "The return request (record " + t.request() + ") of order " + t.orderId() + " no longer waits for approval.";
        }
        String goods = open.lines().entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
        return zh
                ? "订单 " + t.orderId() + " 退货：" + goods + "；退款 " + open.refund() + "，超出客服权限 " + returns.agentLimit()
                        + "。理由：" + open.reason() + "。批准后由配送员验收退回的商品。"
                : "Return of order " + t.orderId() + ": " + goods + "; refund " + open.refund() + ", above the agent's limit "
                        + returns.agentLimit() + ". Reason: " + open.reason() + ". Once approved, delivery staff check the goods in.";
    }

    @Override
    public void apply(ApprovalRequest request) {
        Target t = target(request.payload());
        returns.approved(request, t.orderId(), t.request());
    }
}
