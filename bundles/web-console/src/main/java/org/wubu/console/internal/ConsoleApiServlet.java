package org.wubu.console.internal;

import java.io.IOException;
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
import org.wubu.platform.web.Rest;

/**
 * The console's REST (login required):
 * <ul>
 * <li>{@code GET /api/console/menu?lang=zh-CN|en}: {@code {"groups":[{"id","title","items":[{"id","title","path","script","icon"}]}]}},
 *     the pages of the running bundles that the caller may use, grouped and ordered;</li>
 * <li>{@code GET /api/console/tiles?lang=}: {@code {"items":[{"id","title","value","link"}]}}, the dashboard tiles
 *     the caller may see, with their values for the caller.</li>
 * </ul>
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + Rest.AUTHENTICATED)
@HttpWhiteboardServletName("wubu-console-api")
@HttpWhiteboardServletPattern("/console/*")
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class ConsoleApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PageRegistry registry;
    private final transient Messages messages = Messages.load();

    @Activate
    public ConsoleApiServlet(@Reference PageRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            Locale locale = Languages.of(Rest.param(req, "lang"));
            String sub = req.getPathInfo() == null ? "" : req.getPathInfo();
            switch (sub) {
                case "/menu" -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("groups", ConsoleMenu.groups(registry.pages(), caller, locale, texts(locale)));
                    Rest.json(resp, 200, body);
                }
                case "/tiles" -> Rest.json(resp, 200, Map.of("items", ConsoleMenu.tiles(registry.tiles(), caller, locale)));
                default -> throw new NotFoundException("console resource", sub);
            }
        });
    }

    /** Group titles: the shell's, overridden by nothing, completed by the pages' own texts. */
    private Map<String, String> texts(Locale locale) {
        Map<String, String> all = new java.util.HashMap<>();
        for (var page : registry.pages()) {
            try {
                all.putAll(page.messages(locale));
            } catch (RuntimeException e) {
                // ignore a broken page's texts
            }
        }
        all.putAll(messages.all(locale));
        return all;
    }
}
