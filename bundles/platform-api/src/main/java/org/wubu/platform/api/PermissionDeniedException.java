package org.wubu.platform.api;

import java.util.Map;

/** The caller is known but lacks the named permission. HTTP 403. */
public class PermissionDeniedException extends WubuException {

    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String username, String permission) {
        super("forbidden", "'" + username + "' lacks the permission " + permission,
                Map.of("permission", permission));
    }
}
