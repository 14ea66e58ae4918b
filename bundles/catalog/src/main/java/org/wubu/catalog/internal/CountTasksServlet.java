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
import org.wubu.catalog.api.counts.CountLine;
import org.wubu.catalog.api.counts.CountTask;
import org.wubu.catalog.api.counts.CountTaskStatus;
import org.wubu.catalog.api.counts.StockCountService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.web.Rest;

/**
 * REST of stock counts under {@code /api/catalog/counts} (CAT-5):
 * {@code GET} the tasks, newest first ({@code status=open|done}, {@code before}, {@code limit}), each with
 * its {@code due} / {@code overdue} flags and tallies; {@code GET {id}} one task with its lines;
 * {@code POST {id}/lines} {@code {"sku","counted","note"}} or {@code {"sku","notCounted":"reason"}};
 * {@code POST {id}/complete}.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + CatalogService.READ)
@HttpWhiteboardServletName("wubu-catalog-counts")
@HttpWhiteboardServletPattern("/catalog/counts/*")
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class CountTasksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Body of POST {id}/lines: a count, or the reason the product was not counted. */
    public record LineBody(String sku, Long counted, String note, String notCounted) {
    }

    private final transient StockCountService counts;
    private final transient ShopClock clock;

    @Activate
    public CountTasksServlet(@Reference StockCountService counts, @Reference ShopClock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(CatalogService.READ); // the servlet's declared permission, before any path is resolved
            String[] p = Rest.segments(req);
            if (p.length == 0) {
                int limit = Rest.intParam(req, "limit", 50, 1, StockCountService.MAX_TASKS);
                CountTaskStatus status = Rest.enumValue(CountTaskStatus.class, "status", Rest.param(req, "status"));
                List<CountTask> tasks = counts.tasks(caller, status, Rest.longParam(req, "before"), limit);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("items", tasks.stream().map(this::task).collect(Collectors.toList()));
                body.put("next", tasks.size() == limit ? tasks.get(tasks.size() - 1).id() : null);
                Rest.json(resp, 200, body);
            } else if (p.length == 1) {
                long id = id(p[0]);
                Map<String, Object> body = task(counts.task(caller, id));
                body.put("items", counts.lines(caller, id).stream().map(this::line).collect(Collectors.toList()));
                Rest.json(resp, 200, body);
            } else {
                throw new NotFoundException("count resource", String.join("/", p));
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(CatalogService.READ); // the servlet's declared permission, before any path is resolved
            String[] p = Rest.segments(req);
            if (p.length == 2 && p[1].equals("lines")) {
                long id = id(p[0]);
                LineBody b = Rest.body(req, LineBody.class);
                CountLine line;
                if (b.counted() != null && b.notCounted() != null) {
                    throw new ValidationException("send either counted or notCounted (the reason it was not counted), not both",
                            Map.of("notCounted", "not with counted"));
                } else if (b.counted() != null) {
                    line = counts.enterCount(caller, id, b.sku(), b.counted(), b.note());
                } else if (b.notCounted() != null) {
                    line = counts.markNotCounted(caller, id, b.sku(), b.notCounted());
                } else {
                    caller.require(CatalogService.STOCK_COUNT);
                    throw new ValidationException("counted is required (or notCounted with the reason)", Map.of("counted", "missing"));
                }
                Rest.json(resp, 200, line(line));
            } else if (p.length == 2 && p[1].equals("complete")) {
                Rest.json(resp, 200, task(counts.complete(caller, id(p[0]))));
            } else {
                throw new NotFoundException("count resource", String.join("/", p));
            }
        });
    }

    private static long id(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new NotFoundException("count task", s);
        }
    }

    private String at(Instant i) {
        return i == null ? null : i.atZone(clock.zone()).toOffsetDateTime().toString();
    }

    private Map<String, Object> task(CountTask t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("dueDate", t.dueDate().toString());
        m.put("category", t.category());
        m.put("status", t.status().name());
        m.put("due", t.due());
        m.put("overdue", t.overdue());
        m.put("lines", t.lines());
        m.put("counted", t.counted());
        m.put("notCounted", t.notCounted());
        m.put("open", t.open());
        m.put("adjusted", t.adjusted());
        m.put("createdAt", at(t.createdAt()));
        m.put("completedBy", t.completedBy());
        m.put("completedAt", at(t.completedAt()));
        return m;
    }

    private Map<String, Object> line(CountLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", l.sku());
        m.put("titleZh", l.titleZh());
        m.put("titleEn", l.titleEn());
        m.put("counted", l.counted());
        m.put("bookStock", l.bookStock());
        m.put("difference", l.difference());
        m.put("movementId", l.movementId());
        m.put("note", l.note());
        m.put("notCountedReason", l.notCountedReason());
        m.put("countedBy", l.countedBy());
        m.put("countedAt", at(l.countedAt()));
        return m;
    }
}
