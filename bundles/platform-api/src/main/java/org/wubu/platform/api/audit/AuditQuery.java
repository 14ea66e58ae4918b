package org.wubu.platform.api.audit;

import java.time.Instant;

/**
 * A filter and page of the audit log, newest first. Null filters match everything.
 *
 * @param before only entries with a sequence number below this (the cursor of the next page), or null
 * @param limit  page size, 1..{@link #MAX_LIMIT}
 */
public record AuditQuery(String actor, String subject, String action, Instant from, Instant to,
                         Long before, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new org.wubu.platform.api.ValidationException(
                    "limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new org.wubu.platform.api.ValidationException("'from' (" + from + ") is after 'to' (" + to + ")");
        }
    }

    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, null, null, limit);
    }
}
