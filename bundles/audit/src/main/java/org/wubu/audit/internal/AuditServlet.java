package org.wubu.audit.internal;

import java.io.IOException;
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
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.audit.AuditEntry;
import org.wubu.platform.api.audit.AuditPage;
import org.wubu.platform.api.audit.AuditQuery;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.chain.ChainVerification;
import org.wubu.platform.web.Rest;

/**
 * {@code GET /api/audit}: the audit log, newest first, filtered by {@code actor}, {@code subject},
 * {@code action}, {@code from} and {@code to} (ISO-8601), paged with {@code limit} and the
 * {@code before} cursor given as {@code next}. {@code GET /api/audit/verify}: the chain's state.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + AuditService.READ)
@HttpWhiteboardServletName("wubu-audit")
@HttpWhiteboardServletPattern({"/audit", "/audit/*"})
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class AuditServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient AuditService audit;
    private final transient ShopClock clock;

    @Activate
    public AuditServlet(@Reference AuditService audit, @Reference ShopClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            String sub = req.getPathInfo();
            if (sub == null || sub.equals("/")) {
                list(req, resp, caller);
            } else if (sub.equals("/verify")) {
                ChainVerification v = audit.verify(caller);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("intact", v.intact());
                body.put("checked", v.checked());
                if (!v.intact()) {
                    body.put("firstBroken", v.firstBroken());
                    body.put("reason", v.reason());
                }
                body.put("summary", v.summary());
                Rest.json(resp, 200, body);
            } else {
                throw new NotFoundException("audit resource", sub);
            }
        });
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, Caller caller) throws IOException {
        AuditQuery q = new AuditQuery(Rest.param(req, "actor"), Rest.param(req, "subject"), Rest.param(req, "action"),
                Rest.instantParam(req, "from"), Rest.instantParam(req, "to"), Rest.longParam(req, "before"),
                Rest.intParam(req, "limit", AuditQuery.DEFAULT_LIMIT, 1, AuditQuery.MAX_LIMIT));
        AuditPage page = audit.list(caller, q);
        ZoneId zone = clock.zone();
        List<Map<String, Object>> items = page.items().stream().map(e -> item(e, zone)).collect(Collectors.toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next", page.nextBefore() == null ? null : nextLink(req, page.nextBefore()));
        Rest.json(resp, 200, body);
    }

    private static Map<String, Object> item(AuditEntry e, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", e.sequence());
        m.put("time", e.time().atZone(zone).toOffsetDateTime().toString());
        m.put("actor", e.actor());
        m.put("action", e.action());
        m.put("subject", e.subject());
        m.put("details", e.details());
        m.put("hash", e.hash());
        return m;
    }

    private static String nextLink(HttpServletRequest req, long before) {
        StringBuilder sb = new StringBuilder(req.getContextPath()).append("/audit?before=").append(before);
        for (String p : List.of("actor", "subject", "action", "from", "to", "limit")) {
            String v = Rest.param(req, p);
            if (v != null) {
                sb.append('&').append(p).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}
