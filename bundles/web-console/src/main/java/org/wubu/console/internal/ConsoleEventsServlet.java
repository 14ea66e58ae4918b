package org.wubu.console.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.AsyncContext;
import javax.servlet.Servlet;
import javax.servlet.ServletOutputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.wubu.platform.api.Caller;
import org.wubu.platform.web.Rest;

/**
 * {@code GET /api/console/events} (login required): a {@code text/event-stream} of the Wubu events
 * the caller may see ({@link ConsoleEvents#message}), a {@code : heartbeat} comment every 15 s, and an
 * {@code event: ready} first, so that a page knows it is listening. The stream ends after
 * {@link ConsoleEvents#MAX_STREAM}; browsers' {@code EventSource} reconnects by itself (and logs in
 * again with its session cookie). The console's UI kit wraps it ({@code kit/live.js}).
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + Rest.AUTHENTICATED)
@HttpWhiteboardServletName("wubu-console-events")
@HttpWhiteboardServletPattern("/console/events")
@HttpWhiteboardServletAsyncSupported
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class ConsoleEventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ConsoleEvents events;

    @Activate
    public ConsoleEventsServlet(@Reference ConsoleEvents events) {
        this.events = events;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            if (!req.isAsyncSupported()) {
                throw new IllegalStateException("the console's event stream needs asynchronous requests");
            }
            if (events.listening() >= ConsoleEvents.MAX_LISTENERS) {
                resp.setHeader("Retry-After", "60");
                Rest.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "busy", "too many live connections; try again later",
                        Map.of());
                return;
            }
            resp.setStatus(HttpServletResponse.SC_OK);
            resp.setContentType("text/event-stream;charset=utf-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.setHeader("X-Accel-Buffering", "no");
            AsyncContext context = req.startAsync();
            context.setTimeout(ConsoleEvents.MAX_STREAM.toMillis());
            ServletOutputStream out = resp.getOutputStream();
            out.write(("retry: 5000\n" + ConsoleEvents.frame("ready", Map.of("user", caller.username())))
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (!events.listen(context, caller)) {
                context.complete();
            }
        });
    }
}
