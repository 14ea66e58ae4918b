package org.wubu.catalog.internal;

import java.io.IOException;
import java.time.Instant;
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
import org.wubu.catalog.api.Promotion;
import org.wubu.catalog.api.PromotionDraft;
import org.wubu.catalog.api.PromotionKind;
import org.wubu.catalog.api.PromotionPage;
import org.wubu.catalog.api.PromotionQuery;
import org.wubu.catalog.api.PromotionService;
import org.wubu.catalog.api.PromotionStatus;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.web.Rest;

/**
 * REST of promotions (CAT-4) under {@code /api/catalog/promotions} (a longer whiteboard pattern than the
 * catalog servlet's {@code /catalog/*}, so it wins): {@code GET} ({@code status}, {@code sku}, {@code before},
 * {@code limit}; newest first) answers {@code {"items":[...],"next":<id to pass as before, or null>}};
 * {@code GET {id}}; {@code POST} proposes (201 with Location; 409 {@code promotion-overlap} naming the other
 * promotion and the products); {@code POST {id}/apply}; {@code POST {id}/cancel} {@code {"reason":"..."}}.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + CatalogService.READ)
@HttpWhiteboardServletName("wubu-catalog-promotions")
@HttpWhiteboardServletPattern({"/catalog/promotions", "/catalog/promotions/*"})
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class PromotionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Body of POST: a proposal. */
    public record PromotionBody(String nameZh, String nameEn, String kind, Integer percentOff, CatalogServlet.MoneyBody fixedPrice,
                                List<String> skus, List<String> categories, String startAt, String endAt) {
    }

    /** Body of POST {id}/cancel. */
    public record CancelBody(String reason) {
    }

    private final transient PromotionService promotions;
    private final transient ShopClock clock;

    @Activate
    public PromotionServlet(@Reference PromotionService promotions, @Reference ShopClock clock) {
        this.promotions = promotions;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(CatalogService.READ); // the servlet's declared permission, before any path is resolved
            String[] p = Rest.segments(req);
            Instant now = clock.now();
            if (p.length == 0) {
                PromotionStatus status = Rest.enumValue(PromotionStatus.class, "status", Rest.param(req, "status"));
                PromotionPage page = promotions.list(caller, new PromotionQuery(status,
                        Rest.param(req, "sku"), Rest.longParam(req, "before"),
                        Rest.intParam(req, "limit", PromotionQuery.DEFAULT_LIMIT, 1, PromotionQuery.MAX_LIMIT)));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("items", page.items().stream().map(x -> PromotionJson.promotion(x, now, clock.zone()))
                        .collect(Collectors.toList()));
                body.put("next", page.nextBefore());
                Rest.json(resp, 200, body);
            } else if (p.length == 1) {
                Promotion found = promotions.find(caller, id(p[0])).orElseThrow(() -> new NotFoundException("promotion", p[0]));
                Rest.json(resp, 200, PromotionJson.promotion(found, now, clock.zone()));
            } else {
                throw new NotFoundException("catalog resource", "promotions/" + String.join("/", p));
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(CatalogService.READ); // the servlet's declared permission, before any path is resolved
            String[] p = Rest.segments(req);
            if (p.length == 0) {
                caller.require(PromotionService.PROPOSE); // before reading the body: a refusal says what is missing
                PromotionBody b = Rest.body(req, PromotionBody.class);
                // an absent kind stays null: the service names it with the other missing fields
                PromotionKind kind = Rest.enumValue(PromotionKind.class, "kind", b.kind());
                Promotion created = promotions.propose(caller, new PromotionDraft(b.nameZh(), b.nameEn(), kind,
                        b.percentOff(), CatalogServlet.money("fixedPrice", b.fixedPrice()), b.skus(), b.categories(), Rest.instant("startAt", b.startAt()),
                        Rest.instant("endAt", b.endAt())));
                resp.setHeader("Location", req.getContextPath() + "/catalog/promotions/" + created.id());
                Rest.json(resp, 201, PromotionJson.promotion(created, clock.now(), clock.zone()));
            } else if (p.length == 2 && p[1].equals("apply")) {
                Rest.json(resp, 200, PromotionJson.promotion(promotions.apply(caller, id(p[0])), clock.now(), clock.zone()));
            } else if (p.length == 2 && p[1].equals("cancel")) {
                CancelBody b = Rest.body(req, CancelBody.class);
                Rest.json(resp, 200, PromotionJson.promotion(promotions.cancel(caller, id(p[0]), b.reason()), clock.now(), clock.zone()));
            } else {
                throw new NotFoundException("catalog resource", "promotions/" + String.join("/", p));
            }
        });
    }

    private static long id(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new NotFoundException("promotion", s);
        }
    }
}
