package org.wubu.platform.api;

import java.util.Map;

/** Input that breaks a rule; details map each bad field to what is wrong with it. HTTP 400/422. */
public class ValidationException extends WubuException {

    private static final long serialVersionUID = 1L;

    public ValidationException(String message) {
        super("invalid", message);
    }

    public ValidationException(String message, Map<String, Object> fieldErrors) {
        super("invalid", message, fieldErrors);
    }
}
