package org.wubu.orders.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderLine;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;

/**
 * Returns, exchanges and gifts within the agent's authority (ORD-8, ORD-9).
 *
 * <p>A return: the agent records the request (RETURN_REQUESTED: lines, reason, refund), checked
 * against the order (no more of a SKU than was ordered minus what came back already, a refund no
 * higher than those lines cost). A refund above the configured agent's limit goes to the CS manager
 * through the approval engine (kind {@value #APPROVAL_KIND}); until it is approved nobody can take the
 * goods in. Delivery staff then check the goods that came back against the request
 * (RETURNED: lines, refund) and the stock goes back to the catalog as RETURN movements with reference
 * {@code order:<id>}.
 *
 * <p>Exchanges (EXCHANGED: goods back, goods out) and gifts (GIFT: sku, quantity) are records whose
 * value must be within the agent's limit, unless the caller holds {@value #OVER_LIMIT} (the CS
 * manager); their stock moves as RETURN and SALE.
 */
@Component(service = Returns.class, configurationPid = Returns.PID)
@Designate(ocd = ReturnsConfig.class)
public class Returns {

    static final String PID = "org.wubu.orders.returns";
    /** The approval kind of a refund above the agent's limit. */
    static final String APPROVAL_KIND = "orders.return";
    /** Exchanges and gifts above the agent's limit: the CS manager (who holds orders.*). */
    static final String OVER_LIMIT = "orders.limit.exceed";
    /** Refusals (HTTP 409). */
    static final String NO_RETURN_REQUEST = "no-return-request";
    static final String AWAITING_APPROVAL = "awaiting-approval";
    static final String RETURN_MISMATCH = "return-mismatch";
    static final String ABOVE_LIMIT = "above-agent-limit";
    static final String MODULE_NOT_RUNNING = "module-not-running";
    static final int MAX_REASON = 2000;

    /** The platform acting for the orders area: reads orders, writes the approval note, moves stock. */
    static final Caller SYSTEM = new Caller("system", Set.of("system"), Set.of(OrderService.READ, OrderService.NOTE,
            CatalogService.READ, CatalogService.STOCK_MOVE, ApprovalService.READ_ALL));

    private static final Logger LOG = LoggerFactory.getLogger(Returns.class);

    /** A recorded return request, and the approval it went to (null when within the limit or not submitted). */
    record Requested(OrderRecord record, boolean approvalRequired, Long approvalId, String approvalError) {
    }

    /** A recorded RETURNED, EXCHANGED or GIFT, and the stock movements that failed (empty when all moved). */
    record Done(OrderRecord record, List<String> stockProblems) {
    }

    private final OrderService orders;
    private final PlatformInfo platform;
    private final Money agentLimit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ApprovalService approvals;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CatalogService catalog;

    @Activate
    public Returns(@Reference OrderService orders, @Reference PlatformInfo platform, ReturnsConfig config) {
        this.orders = orders;
        this.platform = platform;
        this.agentLimit = limit(config.agentLimit(), platform);
    }

    static Money limit(String configured, PlatformInfo platform) {
        try {
            Money m = new Money(new BigDecimal(configured.trim()), platform.currency());
            if (m.amount().signum() < 0) {
                throw new NumberFormatException("negative");
            }
            return m;
        } catch (RuntimeException e) {
            LOG.error("agentLimit '{}' in etc/{}.cfg is not an amount; using 200.00", configured, PID);
            return new Money(new BigDecimal("200.00"), platform.currency());
        }
    }

    Money agentLimit() {
        return agentLimit;
    }

    ReturnLedger ledger(Caller caller, long orderId) {
        caller.require(OrderService.READ);
        Order order = order(caller, orderId);
        return ReturnLedger.of(order, orders.records(caller, orderId));
    }

    /** The approval request of an open return request, as the engine has it now, if any. */
    ApprovalRequest approval(long approvalId) {
        ApprovalService a = approvals;
        if (a == null) {
            return null;
        }
        try {
            return a.get(SYSTEM, approvalId);
        } catch (WubuException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ returns

    Requested request(Caller caller, long orderId, List<GoodsLines.Line> lines, String reason, Money refund) {
        caller.require(OrderService.RETURN_REQUEST);
        Map<String, Long> goods = GoodsLines.count("lines", lines);
        String why = reason(reason);
        if (refund == null) {
            throw new ValidationException("refund is required (0.00 for none)", Map.of("refund", "missing"));
        }
        if (!refund.currency().equals(platform.currency()) || refund.amount().signum() < 0) {
            throw new ValidationException("refund must be 0 or more " + platform.currency().getCurrencyCode() + " (got " + refund + ")",
                    Map.of("refund", "invalid"));
        }
        Order order = order(caller, orderId);
        ReturnLedger ledger = ReturnLedger.of(order, orders.records(caller, orderId));
        Map<String, Object> errors = ledger.refusals("lines", goods);
        if (!errors.isEmpty()) {
            throw new ValidationException("these goods cannot come back: " + errors.values(), errors);
        }
        Money worth = worth(order, goods);
        if (refund.compareTo(worth) > 0) {
            throw new ValidationException("refund " + refund + " is more than the returned goods cost (" + worth + ")",
                    Map.of("refund", "above the goods' value " + worth));
        }
        boolean needsApproval = refund.compareTo(agentLimit) > 0;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lines", GoodsLines.payload(goods));
        p.put("reason", why);
        p.put("refund", OrderJson.money(refund));
        p.put("agentLimit", OrderJson.money(agentLimit));
        p.put("approvalRequired", needsApproval);
        OrderRecord r = orders.append(caller, orderId, RecordDraft.of(RecordKind.RETURN_REQUESTED, p));
        if (!needsApproval) {
            return new Requested(r, false, null, null);
        }
        try {
            long approvalId = submitApproval(caller, order, r, refund);
            return new Requested(r, true, approvalId, null);
        } catch (WubuException e) {
            LOG.warn("Return request {} of order {} is recorded but its approval could not be submitted: {}", r.id(), orderId, e.getMessage());
            return new Requested(r, true, null, e.getMessage());
        }
    }

    /** Submits (again) the approval of the open request, e.g. after the approval engine was not running. */
    Requested resubmit(Caller caller, long orderId) {
        caller.require(OrderService.RETURN_REQUEST);
        Order order = order(caller, orderId);
        ReturnLedger.Request open = ReturnLedger.of(order, orders.records(caller, orderId)).open;
        if (open == null || !open.approvalRequired() || open.approval() != null) {
            throw new WubuException(NO_RETURN_REQUEST, "order " + orderId + " has no return request waiting to be submitted for approval");
        }
        if (open.approvalId() != null) {
            ApprovalRequest existing = approval(open.approvalId());
            if (existing == null || !existing.state().isFinal()) {
                throw new WubuException(AWAITING_APPROVAL, "return request " + open.record().id() + " already waits for approval "
                        + open.approvalId(), Map.of("approvalId", open.approvalId()));
            }
        }
        long approvalId = submitApproval(caller, order, open.record(), open.refund());
        return new Requested(open.record(), true, approvalId, null);
    }

    private long submitApproval(Caller caller, Order order, OrderRecord request, Money refund) {
        ApprovalService a = approvals;
        if (a == null) {
            throw new WubuException(MODULE_NOT_RUNNING, "the approval engine is not running; submit the approval again later",
                    Map.of("module", "approvals"));
        }
        String payload = "{\"orderId\":" + order.id() + ",\"request\":" + request.id() + "}";
        ApprovalRequest ar = a.submit(caller, APPROVAL_KIND, "order:" + order.id(), payload,
                "Return of order " + order.id() + ": refund " + refund + " (agent's limit " + agentLimit + ")");
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("request", request.id());
        approval.put("approval", ar.id());
        approval.put("state", ReturnLedger.REQUESTED);
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("text", "退款 " + refund + " 超出客服权限 " + agentLimit + "，已提交客服主管审批（审批 " + ar.id() + "）/ refund " + refund
                + " is above the agent's limit " + agentLimit + ": approval " + ar.id() + " asked of the CS manager");
        note.put(ReturnLedger.APPROVAL, approval);
        orders.append(caller.hasPermission(OrderService.NOTE) ? caller : SYSTEM, order.id(), RecordDraft.of(RecordKind.NOTE, note));
        return ar.id();
    }

    /** Called when the CS manager's approval is applied: records it on the order, once. */
    void approved(ApprovalRequest request, long orderId, long requestRecordId) {
        Order order = order(SYSTEM, orderId);
        ReturnLedger.Request open = ReturnLedger.of(order, orders.records(SYSTEM, orderId)).open;
        if (open == null || open.record().id() != requestRecordId) {
            // Checked or exchanged meanwhile: nothing waits for this approval any more.
            LOG.info("Approval {} of return request {} (order {}) came when the request was no longer open", request.id(),
                    requestRecordId, orderId);
            return;
        }
        if (open.approval() != null) {
            return; // applied before (the engine delivers at least once)
        }
        List<String> deciders = request.decisions().stream().map(d -> d.decider()).toList();
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("request", requestRecordId);
        approval.put("approval", request.id());
        approval.put("state", ReturnLedger.APPROVED);
        approval.put("approvedBy", deciders);
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("text", "退货申请（记录 " + requestRecordId + "）已由 " + String.join("、", deciders) + " 批准（审批 " + request.id()
                + "）/ return request (record " + requestRecordId + ") approved by " + String.join(", ", deciders)
                + " (approval " + request.id() + ")");
        note.put(ReturnLedger.APPROVAL, approval);
        orders.append(SYSTEM, orderId, RecordDraft.of(RecordKind.NOTE, note));
    }

    /**
     * Delivery staff check the goods that came back against the open request: they must be exactly
     * the requested lines, and the request must be approved when it needs to be. Appends RETURNED and
     * puts the goods back into stock.
     */
    Done check(Caller caller, long orderId, List<GoodsLines.Line> lines) {
        caller.require(OrderService.RETURN_CHECK);
        Map<String, Long> goods = GoodsLines.count("lines", lines);
        Order order = order(caller, orderId);
        ReturnLedger ledger = ReturnLedger.of(order, orders.records(caller, orderId));
        ReturnLedger.Request open = ledger.open;
        if (open == null) {
            throw new WubuException(NO_RETURN_REQUEST, "order " + orderId + " has no open return request: CS records the request first");
        }
        if (open.awaitingApproval()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("request", open.record().id());
            if (open.approvalId() != null) {
                d.put("approvalId", open.approvalId());
            }
            throw new WubuException(AWAITING_APPROVAL, "the refund " + open.refund() + " of return request " + open.record().id()
                    + " is above the agent's limit and waits for the CS manager's approval"
                    + (open.approvalId() == null ? " (not submitted yet)" : " (approval " + open.approvalId() + ")"), d);
        }
        List<GoodsLines.Difference> diff = GoodsLines.compare(open.lines(), goods);
        if (!diff.isEmpty()) {
            throw new WubuException(RETURN_MISMATCH, "the goods that came back differ from return request " + open.record().id() + ": "
                    + diff.stream().map(GoodsLines.Difference::describe).toList() + "; nothing was recorded",
                    Map.of("request", open.record().id(), "differences", diff.stream().map(GoodsLines.Difference::json).toList()));
        }
        CatalogService cat = requireCatalog();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lines", GoodsLines.payload(goods));
        p.put("refund", OrderJson.money(open.refund()));
        p.put("request", open.record().id());
        if (open.approvalId() != null) {
            p.put("approval", open.approvalId());
        }
        OrderRecord r = orders.append(caller, orderId, RecordDraft.of(RecordKind.RETURNED, p));
        return new Done(r, move(cat, orderId, r, goods, Map.of()));
    }

    // ------------------------------------------------------------------ exchanges and gifts

    Done exchange(Caller caller, long orderId, List<GoodsLines.Line> back, List<GoodsLines.Line> out, String reason, Money value) {
        caller.require(OrderService.EXCHANGE);
        Map<String, Long> in = GoodsLines.count("back", back);
        Map<String, Long> sent = GoodsLines.count("out", out);
        String why = reason(reason);
        Money v = value(caller, value);
        Order order = order(caller, orderId);
        ReturnLedger ledger = ReturnLedger.of(order, orders.records(caller, orderId));
        Map<String, Object> errors = ledger.refusals("back", in);
        if (!errors.isEmpty()) {
            throw new ValidationException("these goods cannot come back: " + errors.values(), errors);
        }
        CatalogService cat = requireCatalog();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("back", GoodsLines.payload(in));
        p.put("out", GoodsLines.payload(sent));
        p.put("reason", why);
        p.put("value", OrderJson.money(v));
        OrderRecord r = orders.append(caller, orderId, RecordDraft.of(RecordKind.EXCHANGED, p));
        return new Done(r, move(cat, orderId, r, in, sent));
    }

    Done gift(Caller caller, long orderId, String sku, Long quantity, String reason, Money value) {
        caller.require(OrderService.GIFT);
        Map<String, Long> goods = GoodsLines.count("gift", List.of(new GoodsLines.Line(sku, quantity)));
        String why = reason(reason);
        Money v = value(caller, value);
        order(caller, orderId);
        CatalogService cat = requireCatalog();
        String s = goods.keySet().iterator().next();
        long q = goods.get(s);
        Product product = cat.find(SYSTEM, s).orElseThrow(() -> new ValidationException(s + " is not in the catalog", Map.of("sku", "unknown")));
        if (product.stock() < q) {
            throw new WubuException(CatalogService.INSUFFICIENT_STOCK, s + " has " + product.stock() + " in stock; the gift needs " + q,
                    Map.of("sku", s));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sku", s);
        p.put("quantity", q);
        p.put("titleZh", product.titleZh());
        p.put("titleEn", product.titleEn());
        p.put("reason", why);
        p.put("value", OrderJson.money(v));
        OrderRecord r = orders.append(caller, orderId, RecordDraft.of(RecordKind.GIFT, p));
        return new Done(r, move(cat, orderId, r, Map.of(), goods));
    }

    // ------------------------------------------------------------------ helpers

    private Money value(Caller caller, Money value) {
        if (value == null) {
            throw new ValidationException("value is required: what the goods given are worth", Map.of("value", "missing"));
        }
        if (!value.currency().equals(platform.currency()) || value.amount().signum() < 0) {
            throw new ValidationException("value must be 0 or more " + platform.currency().getCurrencyCode() + " (got " + value + ")",
                    Map.of("value", "invalid"));
        }
        if (value.compareTo(agentLimit) > 0 && !caller.hasPermission(OVER_LIMIT)) {
            throw new WubuException(ABOVE_LIMIT, "value " + value + " is above the agent's limit " + agentLimit
                    + " (ORD-9): the CS manager records it", Map.of("value", value.toString(), "agentLimit", agentLimit.toString()));
        }
        return value;
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new ValidationException("reason is required", Map.of("reason", "missing"));
        }
        if (why.length() > MAX_REASON) {
            throw new ValidationException("reason is longer than " + MAX_REASON + " characters", Map.of("reason", "too long"));
        }
        return why;
    }

    private CatalogService requireCatalog() {
        CatalogService cat = catalog;
        if (cat == null) {
            throw new WubuException(MODULE_NOT_RUNNING, "the catalog is not running: goods cannot go back into stock now; try again later",
                    Map.of("module", "catalog"));
        }
        return cat;
    }

    /** Stock back (RETURN) and out (SALE), reference {@code order:<id>}; failures are named, not thrown: the record stands. */
    private static List<String> move(CatalogService cat, long orderId, OrderRecord r, Map<String, Long> back, Map<String, Long> out) {
        List<String> problems = new ArrayList<>();
        String why = "order:" + orderId + " " + r.kind().name().toLowerCase(java.util.Locale.ROOT) + " (record " + r.id() + ")";
        back.forEach((sku, q) -> {
            try {
                cat.recordMovement(SYSTEM, sku, StockMovementKind.RETURN, q, why);
            } catch (RuntimeException e) {
                problems.add(sku + " +" + q + ": " + e.getMessage());
                LOG.warn("Stock of {} not moved back for {}: {}", sku, why, e.getMessage());
            }
        });
        out.forEach((sku, q) -> {
            try {
                cat.recordMovement(SYSTEM, sku, StockMovementKind.SALE, q, why);
            } catch (RuntimeException e) {
                problems.add(sku + " -" + q + ": " + e.getMessage());
                LOG.warn("Stock of {} not taken out for {}: {}", sku, why, e.getMessage());
            }
        });
        return problems;
    }

    private static Money worth(Order order, Map<String, Long> goods) {
        Money total = null;
        for (Map.Entry<String, Long> e : goods.entrySet()) {
            for (OrderLine l : order.lines()) {
                if (l.sku().equals(e.getKey())) {
                    Money m = l.unitPrice().times(e.getValue());
                    total = total == null ? m : total.plus(m);
                    break;
                }
            }
        }
        return total == null ? new Money(BigDecimal.ZERO.setScale(2), order.total().currency()) : total;
    }

    private Order order(Caller caller, long orderId) {
        return orders.find(caller, orderId).orElseThrow(() -> new NotFoundException("order", Long.toString(orderId)));
    }
}
