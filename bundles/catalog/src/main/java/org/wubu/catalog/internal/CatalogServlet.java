package org.wubu.catalog.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.CompetitorEvidence;
import org.wubu.catalog.api.PriceHistoryEntry;
import org.wubu.catalog.api.PriceProposal;
import org.wubu.catalog.api.PriceProposalStatus;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductAttribute;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductHistory;
import org.wubu.catalog.api.ProductPage;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductRevision;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.catalog.api.StockMovement;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.web.Rest;

/**
 * REST of the catalog under {@code /api/catalog}:
 * {@code GET products} ({@code status}, {@code q}, {@code category} (with the categories below it), {@code after},
 * {@code limit}; keyset paged by SKU), {@code POST products}, {@code GET|PUT products/{sku}} (PUT names the
 * {@code version} it edits; {@code attributes} omitted keeps them), {@code GET products/{sku}/history}
 * ({@code before}, {@code limit}: the edit history, newest first),
 * {@code POST products/{sku}/price-proposals}, {@code GET price-proposals/{id}},
 * {@code GET products/{sku}/price-proposals} and {@code GET price-proposals} ({@code status}, {@code limit}; newest first),
 * {@code POST price-proposals/{id}/apply}, {@code GET products/{sku}/price-history},
 * {@code GET|POST products/{sku}/stock-movements},
 * {@code POST products/{sku}/listing-requests} and {@code POST products/{sku}/delisting-requests}
 * ({@code {"reason":"..."}}; 201 with the approval request id, 400 naming every missing item). Money is {@code {"amount":"129.00","currency":"CNY"}}.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + CatalogService.READ)
@HttpWhiteboardServletName("wubu-catalog")
@HttpWhiteboardServletPattern({"/catalog", "/catalog/*"})
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class CatalogServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Money in JSON. */
    public record MoneyBody(String amount, String currency) {

        /** The amount as Money (CNY when no currency is given), or null when absent; 400 naming the field when invalid. */
        Money toMoney(String field) {
            if (amount == null) {
                return null;
            }
            try {
                return Money.of(amount, currency == null ? "CNY" : currency);
            } catch (ValidationException e) {
                throw new ValidationException(field + ": " + e.getMessage(), Map.of(field, "invalid"));
            }
        }
    }

    /** {@link MoneyBody#toMoney} of a body field that may be absent. */
    static Money money(String field, MoneyBody m) {
        return m == null ? null : m.toMoney(field);
    }

    /** Body of POST products and PUT products/{sku}. */
    public record ProductBody(String sku, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                              String category, MoneyBody price, Long version, List<ProductAttribute> attributes) {
    }

    /** Body of POST products/{sku}/price-proposals. */
    public record ProposalBody(MoneyBody newPrice, String competitor, MoneyBody theirPrice, String whereSeen, String seenAt,
                               String reason) {
    }

    /** Body of POST products/{sku}/listing-requests and delisting-requests. */
    public record RequestBody(String reason) {
    }

    /** Body of POST products/{sku}/stock-movements. */
    public record MovementBody(String kind, Long quantity, String why) {
    }

    private final transient CatalogService catalog;
    private final transient ProductHistory history;
    private final transient ShopClock clock;

    @Activate
    public CatalogServlet(@Reference CatalogService catalog, @Reference ProductHistory history, @Reference ShopClock clock) {
        this.catalog = catalog;
        this.history = history;
        this.clock = clock;
    }

    /** For tests: the catalog store serves the history too. */
    CatalogServlet(CatalogStore catalog, ShopClock clock) {
        this(catalog, catalog, clock);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(CatalogService.READ); // the servlet's declared permission, before any path is resolved
            String[] p = Rest.segments(req);
            if (p.length == 1 && p[0].equals("products")) {
                ProductStatus status = Rest.enumValue(ProductStatus.class, "status", Rest.param(req, "status"));
                ProductPage page = catalog.list(caller, new ProductQuery(status, Rest.param(req, "q"),
                        Rest.param(req, "after"), Rest.intParam(req, "limit", ProductQuery.DEFAULT_LIMIT, 1, ProductQuery.MAX_LIMIT),
                        Rest.param(req, "category")));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("items", page.items().stream().map(this::product).collect(Collectors.toList()));
                body.put("next", page.nextAfter());
                Rest.json(resp, 200, body);
            } else if (p.length == 2 && p[0].equals("products")) {
                Rest.json(resp, 200, product(catalog.find(caller, p[1]).orElseThrow(() -> new NotFoundException("product", p[1]))));
            } else if (p.length == 3 && p[0].equals("products") && p[2].equals("price-history")) {
                List<Map<String, Object>> items = catalog.priceHistory(caller, p[1]).stream().map(this::history)
                        .collect(Collectors.toList());
                Rest.json(resp, 200, Map.of("items", items));
            } else if (p.length == 3 && p[0].equals("products") && p[2].equals("history")) {
                int limit = Rest.intParam(req, "limit", 50, 1, ProductHistory.MAX_LIMIT);
                List<ProductRevision> revisions = history.history(caller, p[1], Rest.longParam(req, "before"), limit);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("items", revisions.stream().map(this::revision).collect(Collectors.toList()));
                // a full page may have older revisions: the next page asks for versions before the oldest shown
                long oldest = revisions.isEmpty() ? 0 : revisions.get(revisions.size() - 1).version();
                body.put("next", revisions.size() == limit && oldest > 1 ? oldest : null);
                Rest.json(resp, 200, body);
            } else if (p.length == 3 && p[0].equals("products") && p[2].equals("stock-movements")) {
                List<Map<String, Object>> items = catalog.movements(caller, p[1], Rest.longParam(req, "before"),
                        Rest.intParam(req, "limit", 50, 1, CatalogStore.MAX_MOVEMENTS)).stream().map(this::movement)
                        .collect(Collectors.toList());
                Rest.json(resp, 200, Map.of("items", items));
            } else if (p.length == 2 && p[0].equals("price-proposals")) {
                Rest.json(resp, 200, proposal(catalog.proposal(caller, id(p[1]))));
            } else if ((p.length == 1 && p[0].equals("price-proposals"))
                    || (p.length == 3 && p[0].equals("products") && p[2].equals("price-proposals"))) {
                List<Map<String, Object>> items = catalog.priceProposals(caller, p.length == 3 ? p[1] : null,
                        Rest.enumValue(PriceProposalStatus.class, "status", Rest.param(req, "status")),
                        Rest.intParam(req, "limit", 50, 1, CatalogService.MAX_PROPOSALS)).stream().map(this::proposal)
                        .collect(Collectors.toList());
                Rest.json(resp, 200, Map.of("items", items));
            } else {
                throw new NotFoundException("catalog resource", String.join("/", p));
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(CatalogService.READ); // the servlet's declared permission, before any path is resolved
            String[] p = Rest.segments(req);
            if (p.length == 1 && p[0].equals("products")) {
                ProductBody b = Rest.body(req, ProductBody.class);
                Product created = catalog.create(caller, new ProductDraft(b.sku(), b.titleZh(), b.titleEn(), b.descriptionZh(),
                        b.descriptionEn(), b.category(), money("price", b.price()), b.attributes()));
                resp.setHeader("Location", req.getContextPath() + "/catalog/products/" + created.sku());
                Rest.json(resp, 201, product(created));
            } else if (p.length == 3 && p[0].equals("products") && p[2].equals("price-proposals")) {
                ProposalBody b = Rest.body(req, ProposalBody.class);
                Money newPrice = money("newPrice", b.newPrice());
                Money theirs = b.theirPrice() == null ? null : money("theirPrice", b.theirPrice());
                PriceProposal created = catalog.proposePrice(caller, p[1], newPrice,
                        new CompetitorEvidence(b.competitor(), theirs, b.whereSeen(), Rest.instant("seenAt", b.seenAt())), b.reason());
                resp.setHeader("Location", req.getContextPath() + "/catalog/price-proposals/" + created.id());
                Rest.json(resp, 201, proposal(created));
            } else if (p.length == 3 && p[0].equals("products")
                    && (p[2].equals("listing-requests") || p[2].equals("delisting-requests"))) {
                boolean listing = p[2].equals("listing-requests");
                RequestBody b = Rest.body(req, RequestBody.class);
                String reason = b == null ? null : b.reason();
                long approvalId = listing ? catalog.requestListing(caller, p[1], reason) : catalog.requestDelisting(caller, p[1], reason);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("approvalId", approvalId);
                body.put("kind", listing ? CatalogService.LISTING_KIND : CatalogService.DELISTING_KIND);
                body.put("sku", p[1]);
                resp.setHeader("Location", req.getContextPath() + "/approvals/" + approvalId);
                Rest.json(resp, 201, body);
            } else if (p.length == 3 && p[0].equals("price-proposals") && p[2].equals("apply")) {
                Rest.json(resp, 200, product(catalog.applyPrice(caller, id(p[1]))));
            } else if (p.length == 3 && p[0].equals("products") && p[2].equals("stock-movements")) {
                MovementBody b = Rest.body(req, MovementBody.class);
                if (b.quantity() == null) {
                    throw new ValidationException("quantity is required", Map.of("quantity", "missing"));
                }
                StockMovementKind kind = Rest.requiredEnum(StockMovementKind.class, "kind", b.kind());
                StockMovement m = catalog.recordMovement(caller, p[1], kind, b.quantity(), b.why());
                Rest.json(resp, 201, movement(m));
            } else {
                throw new NotFoundException("catalog resource", String.join("/", p));
            }
        });
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(CatalogService.READ); // the servlet's declared permission, before any path is resolved
            String[] p = Rest.segments(req);
            if (p.length == 2 && p[0].equals("products")) {
                ProductBody b = Rest.body(req, ProductBody.class);
                if (b.version() == null) {
                    throw new ValidationException("version is required: the version of the product you edited", Map.of("version", "missing"));
                }
                Product edited = catalog.edit(caller, p[1], new ProductDraft(p[1], b.titleZh(), b.titleEn(), b.descriptionZh(),
                        b.descriptionEn(), b.category(), null, b.attributes()), b.version());
                Rest.json(resp, 200, product(edited));
            } else {
                throw new NotFoundException("catalog resource", String.join("/", p));
            }
        });
    }

    private static long id(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new NotFoundException("price proposal", s);
        }
    }

    static Map<String, Object> money(Money m) {
        if (m == null) {
            return null;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("amount", m.amount().toPlainString());
        r.put("currency", m.currency().getCurrencyCode());
        return r;
    }

    private String at(Instant i) {
        ZoneId zone = clock.zone();
        return i == null ? null : i.atZone(zone).toOffsetDateTime().toString();
    }

    private Map<String, Object> product(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", p.sku());
        m.put("titleZh", p.titleZh());
        m.put("titleEn", p.titleEn());
        m.put("descriptionZh", p.descriptionZh());
        m.put("descriptionEn", p.descriptionEn());
        m.put("category", p.category());
        m.put("attributes", p.attributes().stream().map(CatalogServlet::attribute).collect(Collectors.toList()));
        m.put("status", p.status().name());
        m.put("delistReason", p.delistReason());
        m.put("price", money(p.price()));
        m.put("stock", p.stock());
        m.put("version", p.version());
        m.put("updatedBy", p.updatedBy());
        m.put("updatedAt", at(p.updatedAt()));
        return m;
    }

    static Map<String, Object> attribute(ProductAttribute a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nameZh", a.nameZh());
        m.put("nameEn", a.nameEn());
        m.put("valueZh", a.valueZh());
        m.put("valueEn", a.valueEn());
        return m;
    }

    private Map<String, Object> revision(ProductRevision r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", r.version());
        m.put("action", r.action());
        m.put("changedBy", r.changedBy());
        m.put("changedAt", at(r.changedAt()));
        m.put("changes", r.changes().stream().map(c -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("field", c.field());
            f.put("old", c.oldValue());
            f.put("new", c.newValue());
            return f;
        }).collect(Collectors.toList()));
        return m;
    }

    private Map<String, Object> proposal(PriceProposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("approvalId", p.approvalId());
        m.put("sku", p.sku());
        m.put("oldPrice", money(p.oldPrice()));
        m.put("newPrice", money(p.newPrice()));
        m.put("competitor", p.evidence().competitor());
        m.put("theirPrice", money(p.evidence().theirPrice()));
        m.put("whereSeen", p.evidence().whereSeen());
        m.put("seenAt", at(p.evidence().seenAt()));
        m.put("reason", p.reason());
        m.put("status", p.status().name());
        m.put("proposedBy", p.proposedBy());
        m.put("proposedAt", at(p.proposedAt()));
        m.put("appliedBy", p.appliedBy());
        m.put("appliedAt", at(p.appliedAt()));
        return m;
    }

    private Map<String, Object> history(PriceHistoryEntry h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("oldPrice", money(h.oldPrice()));
        m.put("newPrice", money(h.newPrice()));
        m.put("changedBy", h.changedBy());
        m.put("changedAt", at(h.changedAt()));
        m.put("proposalId", h.proposalId());
        m.put("reason", h.reason());
        return m;
    }

    private Map<String, Object> movement(StockMovement s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("kind", s.kind().name());
        m.put("quantity", s.quantity());
        m.put("change", s.change());
        m.put("stockAfter", s.stockAfter());
        m.put("who", s.who());
        m.put("why", s.why());
        m.put("time", at(s.time()));
        return m;
    }
}
