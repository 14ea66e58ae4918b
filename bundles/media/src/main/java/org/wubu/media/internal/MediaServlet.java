package org.wubu.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
import org.wubu.platform.api.media.MediaItem;
import org.wubu.platform.api.media.MediaKind;
import org.wubu.platform.api.media.MediaLimit;
import org.wubu.platform.api.media.MediaStore;
import org.wubu.platform.api.media.MediaTooLargeException;
import org.wubu.platform.web.Rest;

/**
 * REST of the media store under {@code /api/media}. Any logged-in caller reads; uploading needs
 * {@code media.upload}.
 * <ul>
 *   <li>{@code POST /api/media?kind=image|video|document}: the raw file as the body, its type in
 *       {@code Content-Type}, its name URL-encoded in {@code X-File-Name}; 201 with the item and a
 *       {@code Location}; 413 over the kind's size limit, 415 for a type not allowed or content that
 *       is not what {@code Content-Type} says. A declared {@code Content-Length} over the limit is
 *       refused before the body is read.</li>
 *   <li>{@code GET /api/media/{id}}: the file with its type, {@code ETag} (the id: content never
 *       changes), long private caching and {@code X-Content-Type-Options: nosniff}; documents as
 *       downloads.</li>
 *   <li>{@code GET /api/media/{id}/info}: the item as JSON.</li>
 *   <li>{@code GET /api/media/limits}: {@code {"image":{"maxBytes":5242880,"maxSize":"5 MB",
 *       "allowedTypes":["image/jpeg",...]},"video":{...},"document":{...}}}.</li>
 * </ul>
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + Rest.AUTHENTICATED)
@HttpWhiteboardServletName("wubu-media")
@HttpWhiteboardServletPattern({"/media", "/media/*"})
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class MediaServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Header carrying the uploader's file name, URL-encoded (UTF-8), since headers are ASCII. */
    static final String FILE_NAME_HEADER = "X-File-Name";

    private final transient MediaStore media;
    private final transient ShopClock clock;

    @Activate
    public MediaServlet(@Reference MediaStore media, @Reference ShopClock clock) {
        this.media = media;
        this.clock = clock;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(MediaStore.UPLOAD); // before a byte of the body is read
            if (!path(req).isEmpty()) {
                throw new NotFoundException("media resource", path(req));
            }
            MediaKind kind = MediaKind.parse(Rest.param(req, "kind"));
            MediaLimit limit = media.limits().of(kind);
            if (req.getContentLengthLong() > limit.maxBytes()) {
                throw new MediaTooLargeException(limit);
            }
            String header = req.getHeader(FILE_NAME_HEADER);
            String fileName = header == null ? null : URLDecoder.decode(header, StandardCharsets.UTF_8);
            MediaItem item;
            try (InputStream body = req.getInputStream()) {
                item = media.store(caller, kind, fileName, req.getContentType(), body);
            }
            resp.setHeader("Location", Rest.CONTEXT_PATH + "/media/" + item.id());
            Rest.json(resp, 201, json(item));
        });
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Rest.caller(req);
            String[] p = path(req).isEmpty() ? new String[0] : path(req).split("/");
            if (p.length == 1 && p[0].equals("limits")) {
                Map<String, Object> body = new LinkedHashMap<>();
                for (MediaLimit l : media.limits().limits()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("maxBytes", l.maxBytes());
                    m.put("maxSize", l.maxSize());
                    m.put("allowedTypes", l.allowedTypes());
                    body.put(l.kind().english(), m);
                }
                Rest.json(resp, 200, body);
            } else if (p.length == 2 && p[1].equals("info")) {
                Rest.json(resp, 200, json(item(p[0])));
            } else if (p.length == 1) {
                stream(req, resp, item(p[0]));
            } else {
                throw new NotFoundException("media resource", String.join("/", p));
            }
        });
    }

    private MediaItem item(String id) {
        return media.find(id).orElseThrow(() -> new NotFoundException("media", id));
    }

    private void stream(HttpServletRequest req, HttpServletResponse resp, MediaItem item) throws IOException {
        String etag = "\"" + item.id() + "\"";
        resp.setHeader("ETag", etag);
        // The bytes behind an id never change; private because reading needs a login.
        resp.setHeader("Cache-Control", "private, max-age=31536000, immutable");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        String inm = req.getHeader("If-None-Match");
        if (inm != null && (inm.contains(etag) || inm.trim().equals("*"))) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        try (InputStream in = media.open(item.id())) {
            resp.setStatus(HttpServletResponse.SC_OK);
            resp.setContentType(item.contentType());
            resp.setHeader("Content-Length", Long.toString(item.size()));
            String disposition = item.kind() == MediaKind.DOCUMENT ? "attachment" : "inline";
            resp.setHeader("Content-Disposition", disposition + "; filename*=UTF-8''"
                    + URLEncoder.encode(item.originalName(), StandardCharsets.UTF_8).replace("+", "%20"));
            OutputStream out = resp.getOutputStream();
            in.transferTo(out);
        }
    }

    private Map<String, Object> json(MediaItem item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", item.id());
        m.put("kind", item.kind().english());
        m.put("contentType", item.contentType());
        m.put("size", item.size());
        m.put("originalName", item.originalName());
        m.put("uploadedBy", item.uploadedBy());
        m.put("uploadedAt", item.uploadedAt().atZone(clock.zone()).toOffsetDateTime().toString());
        m.put("url", Rest.CONTEXT_PATH + "/media/" + item.id());
        return m;
    }

    private static String path(HttpServletRequest req) {
        String p = req.getPathInfo();
        return p == null ? "" : p.replaceAll("^/+|/+$", "").toLowerCase(Locale.ROOT);
    }
}
