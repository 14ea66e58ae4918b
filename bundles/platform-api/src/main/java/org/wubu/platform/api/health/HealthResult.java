package org.wubu.platform.api.health;

import java.util.Map;

/** The result of one {@link HealthCheck}: up or not, why, and details worth showing. */
public record HealthResult(boolean up, String reason, Map<String, Object> details) {

    public HealthResult {
        details = Map.copyOf(details);
    }

    public static HealthResult up(Map<String, Object> details) {
        return new HealthResult(true, null, details);
    }

    public static HealthResult down(String reason, Map<String, Object> details) {
        return new HealthResult(false, reason, details);
    }
}
