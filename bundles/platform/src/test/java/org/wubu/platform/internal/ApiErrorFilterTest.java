package org.wubu.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.Test;

public class ApiErrorFilterTest {

    /** A servlet that serves GET only, like most of the API's. */
    static final class GetOnly extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            resp.setStatus(200);
        }
    }

    @Test
    public void aMethodTheServletLacksIsAJson405ThatNamesIt() throws Exception {
        Recorded put = call("PUT");
        assertEquals(405, put.status);
        assertTrue(put.contentType, put.contentType.startsWith("application/json"));
        assertTrue(put.body, put.body.contains("\"error\":\"method-not-allowed\""));
        assertTrue(put.body, put.body.contains("PUT is not supported on /api/things/1"));
    }

    @Test
    public void anUnknownMethodIsA405NotA501() throws Exception {
        Recorded patch = call("PATCH");
        assertEquals("HttpServlet answers PATCH with 501; it is the client's mistake", 405, patch.status);
        assertTrue(patch.body, patch.body.contains("PATCH is not supported on /api/things/1"));
    }

    @Test
    public void otherErrorsGetACodeAndAReason() {
        assertEquals("invalid", ApiErrorFilter.codeFor(400));
        assertEquals("forbidden", ApiErrorFilter.codeFor(403));
        assertEquals("not-found", ApiErrorFilter.codeFor(404));
        assertEquals("internal", ApiErrorFilter.codeFor(500));
    }

    static final class Recorded {
        int status;
        String contentType = "";
        String body = "";
    }

    private static Recorded call(String method) throws Exception {
        Recorded out = new Recorded();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) throws IOException {
                bytes.write(b);
            }
        };
        Map<String, String> headers = new HashMap<>();
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(ApiErrorFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus": out.status = (Integer) args[0]; return null;
                        case "setContentType": out.contentType = (String) args[0]; return null;
                        case "setHeader": headers.put((String) args[0], (String) args[1]); return null;
                        case "getOutputStream": return stream;
                        case "isCommitted": return false;
                        case "sendError": throw new AssertionError("sendError reached the container: " + args[0]);
                        default: return null;
                    }
                });
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(ApiErrorFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "getMethod": return method;
                        case "getRequestURI": return "/api/things/1";
                        case "getProtocol": return "HTTP/1.1";
                        case "getHeader": return null;
                        case "getDateHeader": return -1L;
                        default: return null;
                    }
                });
        new ApiErrorFilter().doFilter(req, resp, (rq, rs) -> new GetOnly().service(rq, rs));
        out.body = bytes.toString(StandardCharsets.UTF_8);
        return out;
    }
}
