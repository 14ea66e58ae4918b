package org.wubu.platform.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.wubu.platform.web.Rest;

/**
 * Every refusal of the API is JSON with a reason, also the ones the servlet container makes: a method
 * a servlet does not implement ({@code HttpServlet} answers 405 with an empty or HTML body, and 501 for
 * methods it does not know, such as PATCH) and any other {@code sendError}. Areas answer their own
 * refusals with {@code Rest.error}; this only catches what would otherwise reach a client as the web
 * server's page, or as a 5xx for what is the client's mistake.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("wubu-api-errors")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterAsyncSupported
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class ApiErrorFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse resp) {
            chain.doFilter(req, new JsonErrors(req, resp));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Turns {@code sendError} into the API's JSON error. */
    static final class JsonErrors extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        JsonErrors(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            HttpServletResponse resp = (HttpServletResponse) getResponse();
            if (resp.isCommitted()) {
                super.sendError(status, message);
                return;
            }
            resp.resetBuffer();
            String method = request.getMethod();
            String path = request.getRequestURI();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("method", method);
            details.put("path", path);
            if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED || status == HttpServletResponse.SC_NOT_IMPLEMENTED) {
                // 501 is HttpServlet's answer to a method it does not know (PATCH): still the client's mistake.
                Rest.error(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method-not-allowed",
                        method + " is not supported on " + path, details);
            } else {
                Rest.error(resp, status, codeFor(status), message == null || message.isBlank()
                        ? "the request to " + path + " was refused (HTTP " + status + ")" : message, details);
            }
        }
    }

    /** The API's error code for a status that reached {@code sendError} without one of its own. */
    static String codeFor(int status) {
        switch (status) {
            case HttpServletResponse.SC_BAD_REQUEST: return "invalid";
            case HttpServletResponse.SC_UNAUTHORIZED: return "unauthenticated";
            case HttpServletResponse.SC_FORBIDDEN: return "forbidden";
            case HttpServletResponse.SC_NOT_FOUND: return "not-found";
            case HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE: return "unsupported-media-type";
            default: return status >= 500 ? "internal" : "invalid";
        }
    }
}
