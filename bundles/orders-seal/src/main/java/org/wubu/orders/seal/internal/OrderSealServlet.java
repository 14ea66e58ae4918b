package org.wubu.orders.seal.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.wubu.orders.api.seal.DailySeal;
import org.wubu.orders.api.seal.OrderSeals;
import org.wubu.orders.api.seal.SealFile;
import org.wubu.orders.api.seal.SealVerification;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.web.Rest;

/**
 * REST of the daily order record (ORD-4), all with permission {@code orders.seal} (dba level):
 * <ul>
 * <li>{@code GET /api/orders-seals?limit=&before=}: the seals, newest date first;</li>
 * <li>{@code GET /api/orders-seals/{date}}: one seal's manifest as an item;</li>
 * <li>{@code GET /api/orders-seals/{date}/records.jsonl} and {@code .../manifest.json}: the files as written;</li>
 * <li>{@code POST /api/orders-seals/{date}/verify}: checks the seal against the database;</li>
 * <li>{@code POST /api/orders-seals/{date}}: writes a day's seal now if it is due and missing (idempotent).</li>
 * </ul>
 * Its own path, next to {@code /api/orders/*} rather than below it, so the two servlets never compete.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + OrderSeals.PERMISSION)
@HttpWhiteboardServletName("wubu-orders-seals")
@HttpWhiteboardServletPattern({"/orders-seals", "/orders-seals/*"})
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class OrderSealServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int DEFAULT_LIMIT = 60;
    private static final int MAX_LIMIT = 1000;

    private final transient OrderSeals seals;

    @Activate
    public OrderSealServlet(@Reference OrderSeals seals) {
        this.seals = seals;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            String[] parts = Rest.segments(req);
            if (parts.length == 0) {
                list(req, resp, caller);
            } else if (parts.length == 1) {
                LocalDate date = date(parts[0]);
                DailySeal seal = seals.find(caller, date).orElseThrow(() -> new NotFoundException("order record seal", date.toString()));
                Rest.json(resp, 200, item(seal));
            } else if (parts.length == 2) {
                LocalDate date = date(parts[0]);
                SealFile file = SealFile.named(parts[1]).orElseThrow(() -> new NotFoundException("order record seal file", parts[1]));
                download(resp, seals.file(caller, date, file), date, file);
            } else {
                throw new NotFoundException("order record seal resource", String.join("/", parts));
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            String[] parts = Rest.segments(req);
            if (parts.length == 2 && parts[1].equals("verify")) {
                SealVerification v = seals.verify(caller, date(parts[0]));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("date", v.date().toString());
                body.put("ok", v.ok());
                body.put("records", v.records());
                body.put("problems", v.problems());
                body.put("summary", v.summary());
                Rest.json(resp, 200, body);
            } else if (parts.length == 1) {
                Rest.json(resp, 200, item(seals.seal(caller, date(parts[0]))));
            } else {
                throw new NotFoundException("order record seal resource", String.join("/", parts));
            }
        });
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        refuse(resp);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        refuse(resp);
    }

    /** A seal is the legal daily record (ORD-4, ORD-5): nobody replaces or removes it through the API. */
    private static void refuse(HttpServletResponse resp) throws IOException {
        resp.setHeader("Allow", "GET, POST");
        Rest.error(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "seal-immutable",
                "a sealed daily order record is never changed or removed (ORD-4/ORD-5) / 已封存的每日订单记录不可修改或删除", Map.of());
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, Caller caller) throws IOException {
        int limit = Rest.intParam(req, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String beforeText = Rest.param(req, "before");
        LocalDate before = beforeText == null ? null : date(beforeText);
        List<DailySeal> all = seals.list(caller).stream().filter(s -> before == null || s.date().isBefore(before)).toList();
        List<Map<String, Object>> items = all.stream().limit(limit).map(OrderSealServlet::item).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextBefore", all.size() > limit ? all.get(limit - 1).date().toString() : null);
        Rest.json(resp, 200, body);
    }

    private static void download(HttpServletResponse resp, Path path, LocalDate date, SealFile file) throws IOException {
        resp.setStatus(200);
        resp.setContentType(file.mediaType() + ";charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Length", Long.toString(Files.size(path)));
        resp.setHeader("Content-Disposition", "attachment; filename=\"orders-" + date + "-" + file.fileName() + "\"");
        try (OutputStream out = resp.getOutputStream()) {
            Files.copy(path, out);
        }
    }

    private static LocalDate date(String text) {
        LocalDate d = SealFolder.parseDate(text);
        if (d == null) {
            throw new ValidationException("the date must be yyyy-MM-dd, e.g. 2026-11-27 (got '" + text + "') / 日期格式应为 yyyy-MM-dd",
                    Map.of("date", "not a date"));
        }
        return d;
    }

    static Map<String, Object> item(DailySeal s) {
        ZoneId zone = ZoneId.of(s.zone());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", s.date().toString());
        m.put("from", s.from().atZone(zone).toOffsetDateTime().toString());
        m.put("to", s.to().atZone(zone).toOffsetDateTime().toString());
        m.put("zone", s.zone());
        m.put("records", s.records());
        m.put("orders", s.orders());
        m.put("firstRecordId", s.firstRecordId());
        m.put("lastRecordId", s.lastRecordId());
        m.put("kinds", new TreeMap<>(s.kinds()));
        Map<String, Object> head = null;
        if (s.chainHead() != null) {
            head = new LinkedHashMap<>();
            head.put("id", s.chainHead().sequence());
            head.put("hash", s.chainHead().hash());
        }
        m.put("chainHead", head);
        m.put("sha256", s.sha256());
        m.put("bytes", s.bytes());
        m.put("sealedAt", s.sealedAt().atZone(zone).toOffsetDateTime().toString());
        m.put("trigger", s.trigger());
        return m;
    }
}
