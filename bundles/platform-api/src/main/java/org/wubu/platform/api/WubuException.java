package org.wubu.platform.api;

import java.util.Map;

/**
 * A refusal that the caller can act on. The {@link #code()} is stable (clients and tests branch on
 * it); the message explains in plain words what was wrong; details name the fields involved.
 * REST layers map the subclasses to 4xx answers, never to 500.
 */
public class WubuException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Map<String, Object> details;

    public WubuException(String code, String message) {
        this(code, message, Map.of());
    }

    public WubuException(String code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
