package org.wubu.orders.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.wubu.orders.api.Customer;
import org.wubu.orders.api.Intake;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderDraft;
import org.wubu.orders.api.OrderLineDraft;
import org.wubu.orders.api.OrderPage;
import org.wubu.orders.api.OrderQuery;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.OrderState;
import org.wubu.orders.api.Payment;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.web.Rest;

/**
 * REST of the orders under {@code /api/orders} (shapes in docs/orders-api.md):
 * {@code POST /api/orders} with the header {@code Idempotency-Key} (orders.create; 201, or 200 for a
 * repeat of the same order), {@code GET /api/orders} ({@code state}, {@code before}, {@code limit};
 * newest first), {@code GET /api/orders/{id}}, {@code GET|POST /api/orders/{id}/records} (POST: NOTE
 * and AMENDMENT, orders.note). PUT, PATCH and DELETE on any order path answer 405 with the ORD-5 reason.
 * Declared "authenticated": reading needs orders.read and placing orders.create, which an intake
 * account holds without the other.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + Rest.AUTHENTICATED)
@HttpWhiteboardServletName("wubu-orders")
@HttpWhiteboardServletPattern({"/orders", "/orders/*"})
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class OrdersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Refusals that are about the request's content rather than a conflict with the shop's state. */
    private static final Set<String> UNPROCESSABLE = Set.of(OrderService.IDEMPOTENCY_MISMATCH, OrderService.LINE_REFUSED);

    /** Money in JSON. */
    public record MoneyBody(String amount, String currency) {
    }

    public record CustomerBody(String name, String phone) {
    }

    public record LineBody(String sku, Long quantity, MoneyBody unitPrice) {
    }

    public record PaymentBody(String method, MoneyBody amount, String transactionRef) {
    }

    /** Body of POST /api/orders. */
    public record OrderBody(CustomerBody customer, String address, List<LineBody> lines, PaymentBody payment, String note,
                            String source) {
    }

    /** Body of POST /api/orders/{id}/records: a NOTE ({@code text}) or an AMENDMENT ({@code corrects}, {@code reason}, {@code changes}). */
    public record RecordBody(String kind, String text, Long corrects, String reason, Map<String, Object> changes) {
    }

    private final transient OrderService orders;
    private final transient OrderJson json;

    @Activate
    public OrdersServlet(@Reference OrderService orders, @Reference ShopClock clock) {
        this.orders = orders;
        this.json = new OrderJson(clock.zone());
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String method = req.getMethod();
        if (method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE")) {
            Immutability.refuse(req, resp);
            return;
        }
        super.service(req, resp);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(OrderService.READ);
            String[] p = Rest.segments(req);
            if (p.length == 0) {
                OrderState state = Rest.enumValue(OrderState.class, "state", Rest.param(req, "state"));
                int limit = Rest.intParam(req, "limit", OrderQuery.DEFAULT_LIMIT, 1, OrderQuery.MAX_LIMIT);
                OrderPage page = orders.list(caller, new OrderQuery(state, Rest.longParam(req, "before"), limit));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("items", page.items().stream().map(json::summary).collect(Collectors.toList()));
                body.put("next", page.nextBefore() == null ? null : req.getContextPath() + "/orders?before=" + page.nextBefore()
                        + "&limit=" + limit + (state == null ? "" : "&state=" + state.name()));
                Rest.json(resp, 200, body);
            } else if (p.length == 1) {
                long id = id(p[0]);
                Order o = orders.find(caller, id).orElseThrow(() -> new NotFoundException("order", p[0]));
                Rest.json(resp, 200, json.order(o));
            } else if (p.length == 2 && p[1].equals("records")) {
                List<OrderRecord> records = orders.records(caller, id(p[0]));
                Rest.json(resp, 200, Map.of("items", records.stream().map(json::record).collect(Collectors.toList())));
            } else {
                throw new NotFoundException("orders resource", String.join("/", p));
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(resp, () -> {
            Caller caller = Rest.caller(req);
            String[] p = Rest.segments(req);
            if (p.length == 0) {
                caller.require(OrderService.CREATE);
                String key = req.getHeader(IDEMPOTENCY_KEY);
                if (key == null || key.isBlank()) {
                    throw new ValidationException("the Idempotency-Key header is required: a unique value per order, sent again"
                            + " unchanged when the same order is retried", Map.of(IDEMPOTENCY_KEY, "missing"));
                }
                Intake in = orders.place(caller, key, draft(Rest.body(req, OrderBody.class)));
                resp.setHeader("Location", req.getContextPath() + "/orders/" + in.order().id());
                if (in.replay()) {
                    resp.setHeader("Idempotent-Replay", "true");
                }
                Rest.json(resp, in.replay() ? 200 : 201, json.order(in.order()));
            } else if (p.length == 2 && p[1].equals("records")) {
                long id = id(p[0]);
                caller.require(OrderService.NOTE);
                RecordBody b = Rest.body(req, RecordBody.class);
                OrderRecord r = orders.append(caller, id, recordDraft(b));
                resp.setHeader("Location", req.getContextPath() + "/orders/" + id + "/records");
                Rest.json(resp, 201, json.record(r));
            } else {
                throw new NotFoundException("orders resource", String.join("/", p));
            }
        });
    }

    /** Rest.handle, with 422 for refusals about the request's content and 503 while the catalog is stopped. */
    private static void handle(HttpServletResponse resp, Rest.Action action) throws IOException {
        Rest.handle(resp, () -> {
            try {
                action.run();
            } catch (WubuException e) {
                if (UNPROCESSABLE.contains(e.code())) {
                    Rest.error(resp, 422, e.code(), e.getMessage(), e.details());
                } else if (OrderStore.CATALOG_NOT_RUNNING.equals(e.code())) {
                    Rest.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.code(), e.getMessage(), e.details());
                } else {
                    throw e;
                }
            }
        });
    }

    private static RecordDraft recordDraft(RecordBody b) {
        RecordKind kind = b.kind() == null ? null : switch (b.kind().trim().toUpperCase(Locale.ROOT)) {
            case "NOTE" -> RecordKind.NOTE;
            case "AMENDMENT" -> RecordKind.AMENDMENT;
            default -> throw new ValidationException("kind must be NOTE or AMENDMENT here (got '" + b.kind() + "'); the other"
                    + " records are written by their own steps (confirmation, payment check, packing, shipping, returns)",
                    Map.of("kind", "not allowed"));
        };
        if (kind == null) {
            throw new ValidationException("kind is required: NOTE or AMENDMENT", Map.of("kind", "missing"));
        }
        if (kind == RecordKind.NOTE) {
            if (b.corrects() != null || b.reason() != null || b.changes() != null) {
                throw new ValidationException("a NOTE has only text", Map.of("kind", "NOTE takes text only"));
            }
            return new RecordDraft(kind, text("text", b.text()), null);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        if (b.changes() != null) {
            payload.put("changes", b.changes());
        }
        if (b.text() != null) {
            payload.put("text", b.text());
        }
        if (b.reason() != null) {
            payload.put("reason", b.reason().trim());
        }
        return new RecordDraft(kind, payload, b.corrects());
    }

    private static Map<String, Object> text(String field, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (value != null) {
            m.put(field, value.trim());
        }
        return m;
    }

    static OrderDraft draft(OrderBody b) {
        Map<String, Object> errors = new LinkedHashMap<>();
        List<OrderLineDraft> lines = null;
        if (b.lines() != null) {
            lines = new ArrayList<>();
            for (int i = 0; i < b.lines().size(); i++) {
                LineBody l = b.lines().get(i);
                if (l == null) {
                    lines.add(null);
                    continue;
                }
                lines.add(new OrderLineDraft(l.sku(), l.quantity() == null ? 0 : l.quantity(),
                        money(errors, "lines[" + i + "].unitPrice", l.unitPrice())));
            }
        }
        Payment payment = b.payment() == null ? null : new Payment(b.payment().method(),
                money(errors, "payment.amount", b.payment().amount()), b.payment().transactionRef());
        if (!errors.isEmpty()) {
            throw new ValidationException("the order is not valid: " + errors.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")), errors);
        }
        Customer customer = b.customer() == null ? null : new Customer(b.customer().name(), b.customer().phone());
        return new OrderDraft(customer, b.address(), lines, payment, b.note(), b.source());
    }

    private static Money money(Map<String, Object> errors, String field, MoneyBody m) {
        if (m == null || m.amount() == null) {
            return null;
        }
        try {
            return Money.of(m.amount(), m.currency() == null ? "CNY" : m.currency());
        } catch (ValidationException e) {
            errors.put(field, e.getMessage());
            return null;
        }
    }

    private static long id(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new NotFoundException("order", s);
        }
    }
}
