package org.wubu.console.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
import org.wubu.console.api.ConsolePage;

/**
 * Everything under {@code /console} that no page bundle serves itself:
 * <ul>
 * <li>{@code /console/} and the path of every running page: the shell (header, menu, content area),
 *     whose script loads the page's module;</li>
 * <li>{@code /console/login}: the login page;</li>
 * <li>{@code /console/assets/...}: the shell's CSS, the UI kit and the platform pages' modules;</li>
 * <li>{@code /console/messages/{zh-CN|en}}: every text of the shell and the running pages;</li>
 * <li>the path of a page whose bundle has stopped: 503 "this module is not running"; anything else 404,
 *     both as readable pages in the visitor's language.</li>
 * </ul>
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("wubu-console-shell")
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardContextSelect(ConsolePage.CONTEXT_SELECT)
public class ShellServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String ASSETS = "console-assets/";
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "html", "text/html;charset=utf-8",
            "svg", "image/svg+xml",
            "json", "application/json;charset=utf-8",
            "png", "image/png",
            "ico", "image/x-icon");

    private final transient PageRegistry registry;
    private final transient Messages messages = Messages.load();
    private final transient ObjectMapper json = new ObjectMapper();

    @Activate
    public ShellServlet(@Reference PageRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = path(req);
        if (path.isEmpty() || path.equals("/") || path.equals("/index.html")) {
            asset(resp, "index.html", 200);
        } else if (path.equals("/login")) {
            asset(resp, "login.html", 200);
        } else if (path.startsWith("/assets/")) {
            String name = path.substring("/assets/".length());
            if (name.contains("..") || name.contains("//") || !asset(resp, name, 200)) {
                notFound(req, resp);
            }
        } else if (path.startsWith("/messages/")) {
            messages(path.substring("/messages/".length()), req, resp);
        } else if (registry.running(path).isPresent()) {
            asset(resp, "index.html", 200);
        } else if (registry.stopped(path).isPresent()) {
            notRunning(req, resp, registry.stopped(path).get());
        } else {
            notFound(req, resp);
        }
    }

    private static String path(HttpServletRequest req) {
        String uri = req.getRequestURI();
        String context = req.getContextPath();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private void messages(String tag, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Languages.known(tag)) {
            notFound(req, resp);
            return;
        }
        Locale locale = Languages.of(tag);
        Map<String, String> all = new TreeMap<>();
        for (ConsolePage page : registry.pages()) {
            try {
                all.putAll(page.messages(locale));
            } catch (RuntimeException e) {
                // a broken page must not take the shell's texts with it
            }
        }
        all.putAll(messages.all(locale));
        byte[] bytes = json.writeValueAsBytes(all);
        resp.setContentType(TYPES.get("json"));
        resp.setHeader("Cache-Control", "no-cache");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** Writes a file of {@code console-assets/}; false when there is none. */
    private boolean asset(HttpServletResponse resp, String name, int status) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                return false;
            }
            byte[] bytes = in.readAllBytes();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            resp.setStatus(status);
            resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
            // Revalidated on each visit: a bundle update shows at once, and the files are small.
            resp.setHeader("Cache-Control", "no-cache");
            resp.setContentLength(bytes.length);
            resp.getOutputStream().write(bytes);
            return true;
        }
    }

    private void notRunning(HttpServletRequest req, HttpServletResponse resp, PageRegistry.SeenPage page) throws IOException {
        Locale locale = Languages.of(req);
        String text = messages.get(locale, "module.notRunning.text").replace("{page}", page.title(locale));
        resp.setHeader("Retry-After", "30");
        plainPage(resp, 503, locale, messages.get(locale, "module.notRunning.title"), text,
                messages.get(locale, "module.notRunning.detail").replace("{bundle}", page.bundle()));
    }

    private void notFound(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Locale locale = Languages.of(req);
        plainPage(resp, 404, locale, messages.get(locale, "page.notFound.title"), messages.get(locale, "page.notFound.text"), "");
    }

    private void plainPage(HttpServletResponse resp, int status, Locale locale, String title, String text, String detail)
            throws IOException {
        String html = "<!DOCTYPE html>\n<html lang=\"" + Languages.tag(locale) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><link rel=\"icon\" type=\"image/svg+xml\" href=\"/console/assets/favicon.svg\"><link rel=\"stylesheet\" href=\"/console/assets/console.css\"></head>"
                + "<body class=\"plain\"><main class=\"notice\" id=\"notice\" data-status=\"" + status + "\"><h1>" + escape(title) + "</h1>"
                + "<p>" + escape(text) + "</p>" + (detail.isEmpty() ? "" : "<p class=\"muted\">" + escape(detail) + "</p>")
                + "<p><a href=\"/console/\">" + escape(messages.get(locale, "page.backToConsole")) + "</a></p></main></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType(TYPES.get("html"));
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
