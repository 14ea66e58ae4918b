package org.wubu.platform.api;

import java.util.Map;

/** The named thing does not exist. HTTP 404. */
public class NotFoundException extends WubuException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, String id) {
        super("not-found", what + " '" + id + "' does not exist", Map.of("id", id));
    }
}
