package org.wubu.catalog.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.wubu.catalog.api.market.BestSeller;
import org.wubu.catalog.api.market.CompetitorPrice;
import org.wubu.catalog.api.market.CompetitorPriceDraft;
import org.wubu.catalog.api.market.IsoWeek;
import org.wubu.catalog.api.market.MarketWatchService;
import org.wubu.catalog.api.market.PriceGap;
import org.wubu.catalog.api.market.WeeklySummary;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.web.Rest;

/**
 * REST of market watch under {@code /api/catalog/market} (CAT-8):
 * {@code GET records} ({@code sku}, {@code before}, {@code limit}), {@code POST records}
 * {@code {"sku","competitor","price":{"amount","currency"},"whereSeen","seenAt","note"}},
 * {@code GET summary} ({@code week=2026-W48}, default the last full week; {@code top}, default 10) and
 * {@code GET summary.csv} (the same and {@code lang=zh|en}; default from Accept-Language, else Chinese).
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + CatalogService.READ)
@HttpWhiteboardServletName("wubu-catalog-market")
@HttpWhiteboardServletPattern("/catalog/market/*")
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class MarketServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Money in JSON. */

    /** Body of POST records. */
    public record RecordBody(String sku, String competitor, CatalogServlet.MoneyBody price, String whereSeen, String seenAt, String note) {
    }

    private final transient MarketWatchService market;
    private final transient ShopClock clock;

    @Activate
    public MarketServlet(@Reference MarketWatchService market, @Reference ShopClock clock) {
        this.market = market;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(CatalogService.READ); // the servlet's declared permission, before any path is resolved
            String[] p = Rest.segments(req);
            if (p.length == 1 && p[0].equals("records")) {
                int limit = Rest.intParam(req, "limit", 50, 1, MarketWatchService.MAX_RECORDS);
                List<CompetitorPrice> records = market.records(caller, Rest.param(req, "sku"), Rest.longParam(req, "before"), limit);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("items", records.stream().map(this::record).collect(Collectors.toList()));
                body.put("next", records.size() == limit ? records.get(records.size() - 1).id() : null);
                Rest.json(resp, 200, body);
            } else if (p.length == 1 && (p[0].equals("summary") || p[0].equals("summary.csv"))) {
                String week = Rest.param(req, "week");
                WeeklySummary s = market.weeklySummary(caller, week == null ? null : IsoWeek.parse(week),
                        Rest.intParam(req, "top", MarketWatchService.DEFAULT_TOP, 1, MarketWatchService.MAX_TOP));
                if (p[0].equals("summary")) {
                    Rest.json(resp, 200, summary(s));
                } else {
                    csv(resp, s, language(req));
                }
            } else {
                throw new NotFoundException("market resource", String.join("/", p));
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(CatalogService.READ); // the servlet's declared permission, before any path is resolved
            String[] p = Rest.segments(req);
            if (p.length == 1 && p[0].equals("records")) {
                caller.require(MarketWatchService.MARKET_EDIT);
                RecordBody b = Rest.body(req, RecordBody.class);
                CompetitorPrice stored = market.record(caller, new CompetitorPriceDraft(b.sku(), b.competitor(),
                        CatalogServlet.money("price", b.price()), b.whereSeen(), Rest.instant("seenAt", b.seenAt()), b.note()));
                Rest.json(resp, 201, record(stored));
            } else {
                throw new NotFoundException("market resource", String.join("/", p));
            }
        });
    }

    private static void csv(HttpServletResponse resp, WeeklySummary s, WeeklySummaryCsv.Language lang) throws IOException {
        byte[] bytes = WeeklySummaryCsv.write(s, lang);
        resp.setStatus(200);
        resp.setContentType("text/csv;charset=utf-8");
        resp.setHeader("Content-Disposition", "attachment; filename=\"market-summary-" + s.week() + ".csv\"");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    static WeeklySummaryCsv.Language language(HttpServletRequest req) {
        String lang = Rest.param(req, "lang");
        if (lang != null) {
            String l = lang.toLowerCase(Locale.ROOT);
            if (l.startsWith("zh")) {
                return WeeklySummaryCsv.Language.ZH;
            }
            if (l.startsWith("en")) {
                return WeeklySummaryCsv.Language.EN;
            }
            throw new ValidationException("lang must be zh or en (got '" + lang + "')", Map.of("lang", "unknown"));
        }
        String accept = req.getHeader("Accept-Language");
        return accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("en")
                ? WeeklySummaryCsv.Language.EN : WeeklySummaryCsv.Language.ZH;
    }

    private String at(Instant i) {
        return i == null ? null : i.atZone(clock.zone()).toOffsetDateTime().toString();
    }

    private Map<String, Object> record(CompetitorPrice c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("sku", c.sku());
        m.put("competitor", c.competitor());
        m.put("price", CatalogServlet.money(c.price()));
        m.put("whereSeen", c.whereSeen());
        m.put("seenAt", at(c.seenAt()));
        m.put("note", c.note());
        m.put("recordedBy", c.recordedBy());
        m.put("recordedAt", at(c.recordedAt()));
        return m;
    }

    private Map<String, Object> summary(WeeklySummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("week", s.week().toString());
        m.put("from", s.week().monday().toString());
        m.put("to", s.week().sunday().toString());
        m.put("zone", s.zone().getId());
        m.put("competitorRecords", s.competitorRecords());
        m.put("bestSellers", s.bestSellers().stream().map(MarketServlet::bestSeller).collect(Collectors.toList()));
        m.put("priceGaps", s.priceGaps().stream().map(this::gap).collect(Collectors.toList()));
        m.put("generatedAt", at(s.generatedAt()));
        return m;
    }

    private static Map<String, Object> bestSeller(BestSeller b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", b.rank());
        m.put("sku", b.sku());
        m.put("titleZh", b.titleZh());
        m.put("titleEn", b.titleEn());
        m.put("quantity", b.quantity());
        return m;
    }

    private Map<String, Object> gap(PriceGap g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", g.sku());
        m.put("titleZh", g.titleZh());
        m.put("titleEn", g.titleEn());
        m.put("ourPrice", CatalogServlet.money(g.ourPrice()));
        m.put("competitor", g.latest().competitor());
        m.put("theirPrice", CatalogServlet.money(g.latest().price()));
        m.put("whereSeen", g.latest().whereSeen());
        m.put("seenAt", at(g.latest().seenAt()));
        m.put("recordId", g.latest().id());
        m.put("gap", CatalogServlet.money(g.gap()));
        m.put("gapPercent", g.gapPercent() == null ? null : g.gapPercent().toPlainString());
        return m;
    }
}
