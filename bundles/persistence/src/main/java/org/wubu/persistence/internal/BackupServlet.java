package org.wubu.persistence.internal;

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
import org.wubu.platform.api.backup.BackupInfo;
import org.wubu.platform.api.backup.BackupService;
import org.wubu.platform.api.backup.BackupVerification;
import org.wubu.platform.web.Rest;

/**
 * {@code GET /api/backups} (permission backup.read): the backups, newest first;
 * {@code POST /api/backups} (backup.manage): take one now, 201;
 * {@code POST /api/backups/{name}/verify} (backup.manage): check it against its manifest.
 * Restoring stays a shell command (backup:restore): it needs a stop of the platform.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + BackupService.READ)
@HttpWhiteboardServletName("wubu-backups")
@HttpWhiteboardServletPattern({"/backups", "/backups/*"})
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class BackupServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient BackupService backups;
    private final transient ShopClock clock;

    @Activate
    public BackupServlet(@Reference BackupService backups, @Reference ShopClock clock) {
        this.backups = backups;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            if (!path(req).isEmpty()) {
                throw new NotFoundException("backup resource", path(req));
            }
            ZoneId zone = clock.zone();
            List<Map<String, Object>> items = backups.list(Rest.caller(req)).stream().map(b -> item(b, zone))
                    .collect(Collectors.toList());
            Rest.json(resp, 200, Map.of("items", items));
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            String path = path(req);
            if (path.isEmpty()) {
                BackupInfo taken = backups.run(caller);
                resp.setHeader("Location", req.getContextPath() + "/backups/" + taken.name());
                Rest.json(resp, 201, item(taken, clock.zone()));
            } else if (path.endsWith("/verify") && path.indexOf('/') == path.length() - "/verify".length()) {
                BackupVerification v = backups.verify(caller, path.substring(0, path.indexOf('/')));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", v.name());
                body.put("ok", v.ok());
                body.put("problems", v.problems());
                Rest.json(resp, 200, body);
            } else {
                throw new NotFoundException("backup resource", path);
            }
        });
    }

    private static String path(HttpServletRequest req) {
        String p = req.getPathInfo();
        return p == null ? "" : p.replaceAll("^/+|/+$", "");
    }

    static Map<String, Object> item(BackupInfo b, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", b.name());
        m.put("takenAt", b.takenAt().atZone(zone).toOffsetDateTime().toString());
        m.put("trigger", b.trigger());
        m.put("sizeBytes", b.sizeBytes());
        m.put("tables", b.rowCounts().size());
        m.put("rows", b.rowCounts().values().stream().mapToLong(Long::longValue).sum());
        m.put("auditHeadSequence", b.auditHead() == null ? null : b.auditHead().sequence());
        return m;
    }
}
