package org.wubu.orders.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderLine;
import org.wubu.orders.api.OrderRecord;
import org.wubu.platform.api.Money;

/**
 * What an order's records say about its returns (ORD-8, ORD-9): how many of each SKU were ordered
 * and came back already (RETURNED, and the goods taken back in an EXCHANGED), and the open return
 * request with its approval, if any. Read from the records only, like everything about an order.
 *
 * <p>The approval of a request above the agent's limit shows as two NOTE records carrying
 * {@code returnApproval}: "requested" (written by the agent's request, with the approval id) and
 * "approved" (written by the platform, actor {@code system}, when the CS manager's approval is
 * applied). Only the platform's note counts as the approval.
 */
final class ReturnLedger {

    static final String APPROVAL = "returnApproval";
    static final String REQUESTED = "requested";
    static final String APPROVED = "approved";

    /** An open return request. */
    record Request(OrderRecord record, Map<String, Long> lines, Money refund, String reason, boolean approvalRequired,
                   Long approvalId, OrderRecord approval) {

        boolean awaitingApproval() {
            return approvalRequired && approval == null;
        }
    }

    final Map<String, Long> ordered = new LinkedHashMap<>();
    final Map<String, Long> returned = new LinkedHashMap<>();
    Request open;

    private ReturnLedger() {
    }

    static ReturnLedger of(Order order, List<OrderRecord> records) {
        ReturnLedger l = new ReturnLedger();
        for (OrderLine line : order.lines()) {
            l.ordered.merge(line.sku(), line.quantity(), Long::sum);
        }
        for (OrderRecord r : records) {
            JsonNode p = WorkJson.payload(r);
            switch (r.kind()) {
                case RETURN_REQUESTED -> l.open = new Request(r, lines(p.path("lines")), WorkJson.money(p.get("refund")),
                        WorkJson.text(p, "reason"), p.path("approvalRequired").asBoolean(false), null, null);
                case NOTE -> l.note(r, p.get(APPROVAL));
                case RETURNED -> {
                    lines(p.path("lines")).forEach((sku, q) -> l.returned.merge(sku, q, Long::sum));
                    l.open = null;
                }
                case EXCHANGED -> {
                    lines(p.path("back")).forEach((sku, q) -> l.returned.merge(sku, q, Long::sum));
                    l.open = null;
                }
                default -> {
                    // not about returns
                }
            }
        }
        return l;
    }

    private void note(OrderRecord r, JsonNode a) {
        if (a == null || open == null || a.path("request").asLong(-1) != open.record().id()) {
            return;
        }
        Long approvalId = a.path("approval").canConvertToLong() ? a.path("approval").asLong() : open.approvalId();
        if (REQUESTED.equals(a.path("state").asText())) {
            open = new Request(open.record(), open.lines(), open.refund(), open.reason(), open.approvalRequired(), approvalId,
                    open.approval());
        } else if (APPROVED.equals(a.path("state").asText()) && "system".equals(r.actor())) {
            open = new Request(open.record(), open.lines(), open.refund(), open.reason(), open.approvalRequired(), approvalId, r);
        }
    }

    static Map<String, Long> lines(JsonNode array) {
        Map<String, Long> m = new LinkedHashMap<>();
        if (array != null && array.isArray()) {
            for (JsonNode n : array) {
                if (n.hasNonNull("sku") && n.path("quantity").canConvertToLong()) {
                    m.merge(n.get("sku").asText(), n.get("quantity").asLong(), Long::sum);
                }
            }
        }
        return m;
    }

    /** How many of each SKU may still come back: ordered minus returned. */
    Map<String, Long> returnable() {
        Map<String, Long> m = new LinkedHashMap<>();
        ordered.forEach((sku, q) -> m.put(sku, Math.max(0, q - returned.getOrDefault(sku, 0L))));
        return m;
    }

    /** What is wrong with taking these goods back: {@code field[i]} → reason; empty when all is returnable. */
    Map<String, Object> refusals(String field, Map<String, Long> goods) {
        Map<String, Object> errors = new LinkedHashMap<>();
        Map<String, Long> can = returnable();
        int i = 0;
        for (Map.Entry<String, Long> e : goods.entrySet()) {
            Long ordered = this.ordered.get(e.getKey());
            if (ordered == null) {
                errors.put(field + "[" + i + "].sku", e.getKey() + " is not in the order");
            } else if (e.getValue() > can.get(e.getKey())) {
                errors.put(field + "[" + i + "].quantity", e.getKey() + ": " + e.getValue() + " asked, but only " + can.get(e.getKey())
                        + " can come back (ordered " + ordered + ", returned " + returned.getOrDefault(e.getKey(), 0L) + ")");
            }
            i++;
        }
        return errors;
    }
}
