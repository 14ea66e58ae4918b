package org.wubu.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.media.MediaTooLargeException;
import org.wubu.platform.api.media.MediaTypeRefusedException;

/**
 * JSON over HTTP, the same way in every area (see DESIGN "REST conventions"): answers are JSON,
 * errors are {@code {"error": code, "message": text, "details": {...}}} with a 4xx status for
 * anything the caller can fix, and never a stack trace.
 */
public final class Rest {

    /** Name of the whiteboard servlet context that authenticates callers of {@code /api/*}. */
    public static final String CONTEXT_NAME = "wubu.api";
    /** Filter for {@code osgi.http.whiteboard.context.select} to join that context. */
    public static final String CONTEXT_SELECT = "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")";
    /** The context's path: area servlets register patterns below it, e.g. {@code /audit}. */
    public static final String CONTEXT_PATH = "/api";
    /**
     * Service property every servlet of the API declares: the permission a caller needs for it
     * ({@code audit.read}), {@link #AUTHENTICATED} when any logged-in caller may use it (the servlet
     * checks finer permissions per request), or {@link #PUBLIC}. An integration test walks every
     * registered API servlet and checks the answers against this declaration.
     */
    public static final String PERMISSION = "wubu.api.permission";
    public static final String AUTHENTICATED = "authenticated";
    public static final String PUBLIC = "public";

    /** Request attribute holding the authenticated {@link Caller}. */
    public static final String CALLER = "org.wubu.caller";

    private static final Logger LOG = LoggerFactory.getLogger(Rest.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Rest() {
    }

    /** Something a servlet does that may refuse; {@link #handle} maps refusals to answers. */
    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    /**
     * Runs a request handler and answers every refusal properly: validation 400, unauthenticated
     * 401, permission 403, not found 404, an upload over its size limit 413, an upload of a type not
     * allowed 415, other {@link WubuException}s 409, and anything
     * unexpected 500 with a log entry but no internals in the answer.
     */
    public static void handle(HttpServletResponse resp, Action action) throws IOException {
        try {
            action.run();
        } catch (ValidationException | IllegalArgumentException | DateTimeException e) {
            String code = e instanceof WubuException w ? w.code() : "invalid";
            Map<String, Object> details = e instanceof WubuException w ? w.details() : Map.of();
            error(resp, HttpServletResponse.SC_BAD_REQUEST, code, e.getMessage(), details);
        } catch (PermissionDeniedException e) {
            error(resp, HttpServletResponse.SC_FORBIDDEN, e.code(), e.getMessage(), e.details());
        } catch (NotFoundException e) {
            error(resp, HttpServletResponse.SC_NOT_FOUND, e.code(), e.getMessage(), e.details());
        } catch (MediaTooLargeException e) {
            error(resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, e.code(), e.getMessage(), e.details());
        } catch (MediaTypeRefusedException e) {
            error(resp, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, e.code(), e.getMessage(), e.details());
        } catch (WubuException e) {
            error(resp, HttpServletResponse.SC_CONFLICT, e.code(), e.getMessage(), e.details());
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure answering a request", e);
            error(resp, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal",
                    "something went wrong on the server; the details are in its log", Map.of());
        }
    }

    /** The authenticated caller; the API context guarantees there is one for non-public paths. */
    public static Caller caller(HttpServletRequest req) {
        Object c = req.getAttribute(CALLER);
        if (c instanceof Caller caller) {
            return caller;
        }
        throw new WubuException("unauthenticated", "log in first");
    }

    public static void json(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    public static void error(HttpServletResponse resp, int status, String code, String message,
                             Map<String, Object> details) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        body.put("details", details);
        json(resp, status, body);
    }

    /** An integer query parameter within bounds, or the default when absent. */
    public static int intParam(HttpServletRequest req, String name, int dflt, int min, int max) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new ValidationException(name + " must be between " + min + " and " + max + " (got " + n + ")",
                        Map.of(name, "out of range"));
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ValidationException(name + " must be a whole number (got '" + v + "')", Map.of(name, "not a number"));
        }
    }

    /** A long query parameter, or null when absent. */
    public static Long longParam(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(name + " must be a whole number (got '" + v + "')", Map.of(name, "not a number"));
        }
    }

    /** A time query parameter in ISO-8601 with offset ({@code 2026-11-27T18:00:00+08:00}), or null. */
    public static Instant instantParam(HttpServletRequest req, String name) {
        return instant(name, req.getParameter(name));
    }

    /**
     * A time given in a request (query parameter or body field) in ISO-8601 with offset
     * ({@code 2026-11-27T18:00:00+08:00}) or UTC ({@code ...Z}), or null when blank; anything else is a
     * {@link ValidationException} naming the field.
     */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeException e) {
            try {
                return Instant.parse(value.trim());
            } catch (DateTimeException e2) {
                throw new ValidationException(field + " must be an ISO-8601 time with offset, e.g. 2026-11-27T18:00:00+08:00 (got '"
                        + value + "')", Map.of(field, "not a time"));
            }
        }
    }

    /**
     * An enum value given in a request (query parameter or body field), or null when absent or blank. Case and
     * surrounding blanks do not matter and {@code -} reads as {@code _} ({@code pending-listing} is
     * {@code PENDING_LISTING}); anything else is a {@link ValidationException} naming the field and the allowed
     * values (HTTP 400, code {@code invalid}, details {@code {field: "unknown"}}).
     */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new ValidationException(field + " must be one of " + allowed(type, ", ") + " (got '" + value + "') / "
                + field + " 应为 " + allowed(type, "、") + " 之一", Map.of(field, "unknown"));
    }

    /**
     * {@link #enumValue} for a field the request must give: absent or blank is a {@link ValidationException}
     * naming the field and the allowed values (details {@code {field: "missing"}}).
     */
    public static <E extends Enum<E>> E requiredEnum(Class<E> type, String field, String value) {
        E constant = enumValue(type, field, value);
        if (constant == null) {
            throw new ValidationException(field + " is required: one of " + allowed(type, ", ") + " / " + field + " 必填，应为 "
                    + allowed(type, "、") + " 之一", Map.of(field, "missing"));
        }
        return constant;
    }

    /** The values of an enum as a request may give them: lower case, in declaration order. */
    private static String allowed(Class<? extends Enum<?>> type, String separator) {
        StringJoiner names = new StringJoiner(separator);
        for (Enum<?> constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        return names.toString();
    }

    /** The path below the servlet's pattern as segments: {@code /products/TEA-1/history/} → [products, TEA-1, history]. */
    public static String[] segments(HttpServletRequest req) {
        String p = req.getPathInfo();
        p = p == null ? "" : p.replaceAll("^/+|/+$", "");
        return p.isEmpty() ? new String[0] : p.split("/+");
    }

    /**
     * The request's JSON body as the given type; a missing, malformed or oversized body is a
     * {@link ValidationException} that names the problem (HTTP 400), never a 500.
     */
    public static <T> T body(HttpServletRequest req, Class<T> type) throws IOException {
        if (req.getContentLengthLong() > MAX_BODY) {
            throw new ValidationException("the request body is larger than " + MAX_BODY + " bytes");
        }
        byte[] bytes = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new ValidationException("the request body is larger than " + MAX_BODY + " bytes");
        }
        if (bytes.length == 0) {
            throw new ValidationException("the request needs a JSON body");
        }
        try {
            T value = JSON.readValue(bytes, type);
            if (value == null) {
                throw new ValidationException("the request needs a JSON body");
            }
            return value;
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw new ValidationException("unknown field '" + e.getPropertyName() + "'", Map.of(e.getPropertyName(), "unknown"));
        } catch (JsonProcessingException e) {
            throw new ValidationException("the body is not valid JSON for this request: " + e.getOriginalMessage());
        }
    }

    /** Largest JSON body a request may send. */
    public static final int MAX_BODY = 1 << 20;

    /** A text query parameter trimmed, or null when absent or blank. */
    public static String param(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
