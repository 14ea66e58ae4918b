package org.wubu.orders.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderLine;
import org.wubu.orders.api.OrderService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.web.Rest;

/**
 * REST of the orders workflow (shapes in docs/orders-workflow-api.md). The orders servlet owns
 * {@code /api/orders/*}; the whiteboard matches the longest prefix, so these prefixes under it come
 * here: {@code /api/orders/confirmations} (queue, {@code /report}, {@code /{id}} confirm),
 * {@code /api/orders/payment-flags/{id}} (and {@code /{id}/{flag}/resolve}), {@code /api/orders/packing/{id}},
 * {@code /api/orders/shipping/{id}} (and {@code /{id}/delivered}), {@code /api/orders/returns/{id}}
 * (and {@code /{id}/approval}, {@code /{id}/check}), {@code /api/orders/exchanges/{id}},
 * {@code /api/orders/gifts/{id}}. Declared "authenticated": every route checks its own permission
 * (reading needs orders.read; each action the permission of the record it appends).
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + Rest.AUTHENTICATED)
@HttpWhiteboardServletName("wubu-orders-workflow")
@HttpWhiteboardServletPattern({"/orders/confirmations", "/orders/confirmations/*", "/orders/payment-flags/*", "/orders/packing/*",
        "/orders/shipping/*", "/orders/returns/*", "/orders/exchanges/*", "/orders/gifts/*"})
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class OrderWorkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public record MoneyBody(String amount, String currency) {
    }

    public record LineBody(String sku, Long quantity) {
    }

    /** POST confirmations/{id}. */
    public record ConfirmBody(String channel, String result, String note) {
    }

    /** POST payment-flags/{id}/{flag}/resolve. */
    public record ResolveBody(String reason) {
    }

    /** POST packing/{id} and returns/{id}/check. */
    public record LinesBody(List<LineBody> lines) {
    }

    /** POST shipping/{id}. */
    public record ShipBody(String carrier, String trackingNumber) {
    }

    /** POST shipping/{id}/delivered (optional body). */
    public record DeliveredBody(String note) {
    }

    /** POST returns/{id}. */
    public record ReturnBody(List<LineBody> lines, String reason, MoneyBody refund) {
    }

    /** POST exchanges/{id}. */
    public record ExchangeBody(List<LineBody> back, List<LineBody> out, String reason, MoneyBody value) {
    }

    /** POST gifts/{id}. */
    public record GiftBody(String sku, Long quantity, String reason, MoneyBody value) {
    }

    private final transient Confirmations confirmations;
    private final transient PaymentFlags paymentFlags;
    private final transient Packing packing;
    private final transient Shipping shipping;
    private final transient Returns returns;
    private final transient ShopClock clock;
    private final transient WorkJson json;

    @Activate
    public OrderWorkServlet(@Reference Confirmations confirmations, @Reference PaymentFlags paymentFlags, @Reference Packing packing,
                            @Reference Shipping shipping, @Reference Returns returns, @Reference ShopClock clock) {
        this.confirmations = confirmations;
        this.paymentFlags = paymentFlags;
        this.packing = packing;
        this.shipping = shipping;
        this.returns = returns;
        this.clock = clock;
        this.json = new WorkJson(clock.zone());
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String m = req.getMethod();
        if (!m.equals("GET") && !m.equals("POST") && !m.equals("HEAD")) {
            resp.setHeader("Allow", "GET, POST");
            Rest.error(resp, 405, "method-not-allowed", m + " is not supported here: order data is never changed or removed (ORD-5);"
                    + " everything that happens to an order is a new record (POST)", Map.of("method", m));
            return;
        }
        super.service(req, resp);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(OrderService.READ);
            String area = area(req);
            String[] p = Rest.segments(req);
            if (area.equals("confirmations") && p.length == 0) {
                Rest.json(resp, 200, queue(caller, Rest.intParam(req, "limit", 50, 1, Confirmations.MAX_QUEUE)));
            } else if (area.equals("confirmations") && p.length == 1 && p[0].equals("report")) {
                Instant from = Rest.instantParam(req, "from");
                Instant to = Rest.instantParam(req, "to");
                Rest.json(resp, 200, report(confirmations.report(caller, from, to), from, to));
            } else if (area.equals("payment-flags") && p.length == 1) {
                Rest.json(resp, 200, checks(paymentFlags.checks(caller, id(p[0]))));
            } else if (area.equals("packing") && p.length == 1) {
                Rest.json(resp, 200, pickList(packing.pickList(caller, id(p[0]))));
            } else if (area.equals("returns") && p.length == 1) {
                long id = id(p[0]);
                Rest.json(resp, 200, returnsView(id, returns.ledger(caller, id)));
            } else {
                throw new NotFoundException("orders workflow resource", req.getServletPath() + String.join("/", p));
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(OrderService.READ);
            String area = area(req);
            String[] p = Rest.segments(req);
            if (area.equals("confirmations") && p.length == 1) {
                ConfirmBody b = Rest.body(req, ConfirmBody.class);
                Confirmations.Outcome o = confirmations.confirm(caller, id(p[0]), new Confirmations.Input(b.channel(), b.result(), b.note()));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("orderId", o.record().orderId());
                m.put("confirmed", o.confirmed());
                m.put("record", json.record(o.record()));
                Rest.json(resp, 201, m);
            } else if (area.equals("payment-flags") && p.length == 3 && p[2].equals("resolve")) {
                ResolveBody b = Rest.body(req, ResolveBody.class);
                Rest.json(resp, 201, json.record(paymentFlags.resolve(caller, id(p[0]), id(p[1]), b.reason())));
            } else if (area.equals("packing") && p.length == 1) {
                LinesBody b = Rest.body(req, LinesBody.class);
                Rest.json(resp, 201, json.record(packing.pack(caller, id(p[0]), lines(b.lines()))));
            } else if (area.equals("shipping") && p.length == 1) {
                ShipBody b = Rest.body(req, ShipBody.class);
                Rest.json(resp, 201, json.record(shipping.ship(caller, id(p[0]), b.carrier(), b.trackingNumber())));
            } else if (area.equals("shipping") && p.length == 2 && p[1].equals("delivered")) {
                String note = req.getContentLengthLong() > 0 ? Rest.body(req, DeliveredBody.class).note() : null;
                Rest.json(resp, 201, json.record(shipping.deliver(caller, id(p[0]), note)));
            } else if (area.equals("returns") && p.length == 1) {
                ReturnBody b = Rest.body(req, ReturnBody.class);
                Rest.json(resp, 201, requested(returns.request(caller, id(p[0]), lines(b.lines()), b.reason(), money("refund", b.refund()))));
            } else if (area.equals("returns") && p.length == 2 && p[1].equals("approval")) {
                Rest.json(resp, 201, requested(returns.resubmit(caller, id(p[0]))));
            } else if (area.equals("returns") && p.length == 2 && p[1].equals("check")) {
                LinesBody b = Rest.body(req, LinesBody.class);
                Rest.json(resp, 201, done(returns.check(caller, id(p[0]), lines(b.lines()))));
            } else if (area.equals("exchanges") && p.length == 1) {
                ExchangeBody b = Rest.body(req, ExchangeBody.class);
                Rest.json(resp, 201, done(returns.exchange(caller, id(p[0]), lines(b.back()), lines(b.out()), b.reason(),
                        money("value", b.value()))));
            } else if (area.equals("gifts") && p.length == 1) {
                GiftBody b = Rest.body(req, GiftBody.class);
                Rest.json(resp, 201, done(returns.gift(caller, id(p[0]), b.sku(), b.quantity(), b.reason(), money("value", b.value()))));
            } else {
                throw new NotFoundException("orders workflow resource", req.getServletPath() + String.join("/", p));
            }
        });
    }

    // ------------------------------------------------------------------ request parts

    /** The prefix the request came in by: {@code /orders/packing} → {@code packing}. */
    private static String area(HttpServletRequest req) {
        String s = req.getServletPath();
        s = s == null ? "" : s.replaceAll("/+$", "");
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static long id(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new NotFoundException("order", s);
        }
    }

    private static List<GoodsLines.Line> lines(List<LineBody> lines) {
        return lines == null ? null : lines.stream().map(l -> l == null ? null : new GoodsLines.Line(l.sku(), l.quantity()))
                .collect(Collectors.toList());
    }

    private static Money money(String field, MoneyBody m) {
        if (m == null || m.amount() == null) {
            return null;
        }
        try {
            return Money.of(m.amount(), m.currency() == null ? "CNY" : m.currency());
        } catch (RuntimeException e) {
            throw new ValidationException(field + ": " + e.getMessage(), Map.of(field, "invalid"));
        }
    }

    // ------------------------------------------------------------------ answers

    private Map<String, Object> queue(Caller caller, int limit) {
        Instant now = clock.now();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("now", json.at(now));
        m.put("limitSeconds", confirmations.limit().getSeconds());
        m.put("items", confirmations.queue(caller, limit).stream().map(w -> {
            Instant due = confirmations.dueAt(w.acceptedAt());
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("orderId", w.orderId());
            i.put("customerName", w.customerName());
            i.put("customerPhone", w.customerPhone());
            i.put("total", OrderJson.money(w.total()));
            i.put("acceptedAt", json.at(w.acceptedAt()));
            i.put("dueAt", json.at(due));
            i.put("secondsLeft", Duration.between(now, due).getSeconds());
            i.put("overdue", w.overdue() || !now.isBefore(due));
            i.put("overdueRecorded", w.overdue());
            i.put("hasNotes", w.hasNotes());
            i.put("paymentFlagged", w.paymentFlagged());
            return i;
        }).collect(Collectors.toList()));
        return m;
    }

    private Map<String, Object> report(ConfirmationStats.Report r, Instant from, Instant to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", json.at(from));
        m.put("to", json.at(to));
        m.put("limitSeconds", confirmations.limit().getSeconds());
        m.put("agents", r.agents().stream().map(OrderWorkServlet::row).collect(Collectors.toList()));
        m.put("total", row(r.total()));
        return m;
    }

    private static Map<String, Object> row(ConfirmationStats.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.agent() != null) {
            m.put("agent", r.agent());
        }
        m.put("confirmed", r.confirmed());
        m.put("medianMinutes", r.medianMinutes());
        m.put("p90Minutes", r.p90Minutes());
        m.put("withinLimit", r.withinLimit());
        m.put("shareWithinLimit", r.shareWithinLimit());
        return m;
    }

    private Map<String, Object> checks(PaymentFlags.Checks c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", c.orderId());
        m.put("verified", c.verified() != null);
        m.put("verifiedRecordId", c.verified() == null ? null : c.verified().id());
        m.put("blocked", c.blocked());
        m.put("flags", c.flags().stream().map(f -> {
            var p = WorkJson.payloadMap(f.flagged());
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("recordId", f.flagged().id());
            i.put("rule", p.get("rule"));
            i.put("reason", p.get("reason"));
            i.put("reasonZh", p.get("reasonZh"));
            i.put("facts", p.get("facts"));
            i.put("flaggedAt", json.at(f.flagged().occurredAt()));
            i.put("open", f.open());
            if (f.resolution() == null) {
                i.put("resolution", null);
            } else {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("recordId", f.resolution().id());
                r.put("by", f.resolution().actor());
                r.put("at", json.at(f.resolution().occurredAt()));
                r.put("reason", WorkJson.payloadMap(f.resolution()).get("reason"));
                i.put("resolution", r);
            }
            return i;
        }).collect(Collectors.toList()));
        return m;
    }

    private Map<String, Object> pickList(Packing.PickList pl) {
        Order o = pl.order();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", o.id());
        m.put("state", o.status().state().name());
        // The notes first: they prevent wrong shipments (ORD-7).
        m.put("notes", o.status().notes().stream().map(json::note).collect(Collectors.toList()));
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", o.customer().name());
        customer.put("phone", o.customer().phone());
        m.put("customer", customer);
        m.put("address", o.address());
        m.put("lines", o.lines().stream().map(OrderWorkServlet::pickLine).collect(Collectors.toList()));
        m.put("gifts", pl.gifts().stream().map(g -> {
            var p = WorkJson.payloadMap(g);
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("recordId", g.id());
            i.put("sku", p.get("sku"));
            i.put("titleZh", p.get("titleZh"));
            i.put("titleEn", p.get("titleEn"));
            i.put("quantity", p.get("quantity"));
            i.put("reason", p.get("reason"));
            return i;
        }).collect(Collectors.toList()));
        m.put("expected", GoodsLines.payload(pl.expected()));
        m.put("packable", pl.blockedBy() == null);
        m.put("blockedBy", pl.blockedBy());
        return m;
    }

    private static Map<String, Object> pickLine(OrderLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lineNo", l.lineNo());
        m.put("sku", l.sku());
        m.put("titleZh", l.titleZh());
        m.put("titleEn", l.titleEn());
        m.put("quantity", l.quantity());
        return m;
    }

    private Map<String, Object> returnsView(long orderId, ReturnLedger l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", orderId);
        m.put("agentLimit", OrderJson.money(returns.agentLimit()));
        m.put("ordered", GoodsLines.payload(l.ordered));
        m.put("returned", GoodsLines.payload(l.returned));
        m.put("returnable", GoodsLines.payload(l.returnable()));
        ReturnLedger.Request r = l.open;
        if (r == null) {
            m.put("openRequest", null);
        } else {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("recordId", r.record().id());
            o.put("requestedBy", r.record().actor());
            o.put("requestedAt", json.at(r.record().occurredAt()));
            o.put("lines", GoodsLines.payload(r.lines()));
            o.put("reason", r.reason());
            o.put("refund", OrderJson.money(r.refund()));
            o.put("approvalRequired", r.approvalRequired());
            o.put("approvalId", r.approvalId());
            ApprovalRequest a = r.approvalId() == null ? null : returns.approval(r.approvalId());
            o.put("approvalState", a == null ? null : a.state().name());
            o.put("approved", r.approval() != null);
            o.put("awaitingApproval", r.awaitingApproval());
            m.put("openRequest", o);
        }
        return m;
    }

    private Map<String, Object> requested(Returns.Requested r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("record", json.record(r.record()));
        m.put("approvalRequired", r.approvalRequired());
        m.put("approvalId", r.approvalId());
        m.put("approvalError", r.approvalError());
        return m;
    }

    private Map<String, Object> done(Returns.Done d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("record", json.record(d.record()));
        m.put("stockProblems", d.stockProblems());
        return m;
    }
}
