package org.wubu.platform.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of the platform's health, shown by {@code GET /api/health}. Register an implementation as
 * a service (whiteboard) to add a check; partners may do so too. Checks must answer within a
 * second or two and never throw.
 */
@ConsumerType
public interface HealthCheck {

    /** Service property: {@code true} when this check failing makes the whole platform DOWN. */
    String CRITICAL = "wubu.health.critical";

    /** A short stable name such as {@code database}. */
    String name();

    HealthResult check();
}
