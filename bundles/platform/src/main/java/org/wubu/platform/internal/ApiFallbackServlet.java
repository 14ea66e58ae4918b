package org.wubu.platform.internal;

import java.io.IOException;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.wubu.platform.web.Rest;

/**
 * Answers API paths that no running bundle serves with a JSON 404 instead of the web server's
 * HTML page: either the path is wrong or the area that owns it is not running right now.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + Rest.PUBLIC)
@HttpWhiteboardServletName("wubu-api-fallback")
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class ApiFallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.error(resp, HttpServletResponse.SC_NOT_FOUND, "not-found",
                "no API at " + req.getRequestURI() + ": the path is wrong, or the module that serves it is not running",
                Map.of("path", req.getRequestURI()));
    }
}
