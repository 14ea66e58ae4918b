package org.wubu.catalog.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.wubu.catalog.api.CatalogLookup;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Offer;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.web.Rest;

/**
 * Effective prices over HTTP: {@code GET /api/catalog/offers?sku=A&sku=B} (or {@code sku=A,B}; optional
 * {@code at}, an ISO-8601 time, default now) answers
 * {@code {"at":"...","items":[{"sku","titleZh","titleEn","category","status","listed","listPrice","effectivePrice",
 * "promotionId","stockAvailable"}],"missing":["UNKNOWN-SKU"]}}; {@code GET /api/catalog/offers/{sku}} one offer or 404.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + CatalogService.READ)
@HttpWhiteboardServletName("wubu-catalog-offers")
@HttpWhiteboardServletPattern({"/catalog/offers", "/catalog/offers/*"})
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class OfferServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient CatalogLookup lookup;
    private final transient ShopClock clock;

    @Activate
    public OfferServlet(@Reference CatalogLookup lookup, @Reference ShopClock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(CatalogService.READ); // the servlet's declared permission, before any path is resolved
            String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceAll("^/+|/+$", "");
            Instant at = Rest.instantParam(req, "at");
            if (!path.isEmpty()) {
                if (path.contains("/")) {
                    throw new NotFoundException("catalog resource", "offers/" + path);
                }
                Offer offer = lookup.offer(caller, path, at).orElseThrow(() -> new NotFoundException("product", path));
                Rest.json(resp, 200, PromotionJson.offer(offer));
                return;
            }
            Set<String> skus = new LinkedHashSet<>();
            String[] values = req.getParameterValues("sku");
            if (values != null) {
                for (String v : values) {
                    for (String s : v.split(",")) {
                        if (!s.isBlank()) {
                            skus.add(s.trim());
                        }
                    }
                }
            }
            if (skus.isEmpty()) {
                throw new ValidationException("name the products: ?sku=A&sku=B", Map.of("sku", "missing"));
            }
            Map<String, Offer> offers = lookup.offers(caller, skus, at);
            List<String> missing = new ArrayList<>(skus);
            missing.removeAll(offers.keySet());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("at", PromotionJson.at(at == null ? clock.now() : at, clock.zone()));
            body.put("items", offers.values().stream().map(PromotionJson::offer).collect(Collectors.toList()));
            body.put("missing", missing);
            Rest.json(resp, 200, body);
        });
    }
}
