package org.wubu.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Calls an API servlet the way the platform's /api context would, without a web server: the
 * caller is already authenticated (request attribute {@code org.wubu.caller}), the path is the
 * part after the servlet's pattern, and only what the Wubu REST servlets use is supported.
 * {@link #exchange} sends raw bytes with any headers (a declared {@code Content-Length} header
 * overrides the body's length, to imitate a client that announces more or less than it sends).
 */
public final class ServletCall {

    /** The answer: status, headers and body text. */
    public record Answer(int status, Map<String, String> headers, String text) {
    }

    private ServletCall() {
    }

    /** A binary answer: status, headers (Content-Type included) and the body's bytes. */
    public record Exchange(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * @param pathAndQuery the path info, e.g. {@code /inbox?limit=5} ("" for the servlet's root)
     * @param body         the JSON body, or null
     * @param acceptLanguage the Accept-Language header, or null
     */
    public static Answer call(HttpServlet servlet, String method, String pathAndQuery, Object caller, String body,
                              String acceptLanguage) throws IOException {
        Map<String, String> headers = new HashMap<>();
        if (acceptLanguage != null) {
            headers.put("Accept-Language", acceptLanguage);
        }
        Exchange e = exchange(servlet, method, pathAndQuery, caller,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), headers);
        return new Answer(e.status(), e.headers(), e.text());
    }

    /**
     * Like {@link #call} with a raw body and any request headers (names case-insensitive;
     * {@code Content-Type} is also what {@code getContentType()} answers).
     */
    public static Exchange exchange(HttpServlet servlet, String method, String pathAndQuery, Object caller, byte[] in,
                                    Map<String, String> requestHeaders) throws IOException {
        Map<String, String> reqHeaders = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        reqHeaders.putAll(requestHeaders);
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> params = new HashMap<>();
        Map<String, java.util.List<String>> repeated = new HashMap<>();
        if (q >= 0) {
            for (String kv : pathAndQuery.substring(q + 1).split("&")) {
                params.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                repeated.computeIfAbsent(kv.substring(0, kv.indexOf('=')), k -> new java.util.ArrayList<>())
                        .add(kv.substring(kv.indexOf('=') + 1));
            }
        }
        ByteArrayInputStream input = new ByteArrayInputStream(in);
        ServletInputStream servletIn = new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return input.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener l) {
            }

            @Override
            public int read() {
                return input.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return input.read(b, off, len);
            }
        };
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(ServletCall.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> path.isEmpty() ? null : path;
                    case "getContextPath" -> "/api";
                    case "getAttribute" -> "org.wubu.caller".equals(a[0]) ? caller : null;
                    case "getHeader" -> reqHeaders.get((String) a[0]);
                    case "getContentType" -> reqHeaders.get("Content-Type");
                    case "getParameter" -> params.get((String) a[0]);
                    case "getParameterValues" -> repeated.containsKey((String) a[0])
                            ? repeated.get((String) a[0]).toArray(new String[0]) : null;
                    case "getContentLengthLong" -> reqHeaders.containsKey("Content-Length")
                            ? Long.parseLong(reqHeaders.get("Content-Length")) : (long) in.length;
                    case "getInputStream" -> servletIn;
                    case "getDateHeader" -> -1L;
                    case "getProtocol" -> "HTTP/1.1";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServletOutputStream servletOut = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {
            }

            @Override
            public void write(int b) {
                out.write(b);
            }
        };
        int[] status = {200};
        Map<String, String> headers = new HashMap<>();
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(ServletCall.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status[0] = (Integer) a[0];
                        case "setHeader" -> headers.put((String) a[0], (String) a[1]);
                        case "getOutputStream" -> {
                            return servletOut;
                        }
                        case "addHeader" -> headers.put((String) a[0], (String) a[1]);
                        case "setContentType" -> headers.put("Content-Type", (String) a[0]);
                        case "setContentLength", "setContentLengthLong", "setCharacterEncoding" -> {
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
        try {
            servlet.service(req, resp);
        } catch (ServletException e) {
            throw new IOException(e);
        }
        return new Exchange(status[0], headers, out.toByteArray());
    }
}
