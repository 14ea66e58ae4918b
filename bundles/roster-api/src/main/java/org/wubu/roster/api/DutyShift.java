package org.wubu.roster.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One person's duty in one role at one location, from {@code start} (inclusive) to {@code end} (exclusive),
 * both UTC instants; a night shift simply ends on the next day.
 *
 * @param id        stable id, for removing it
 * @param username  the staff account on duty
 * @param role      the security role the duty is for, e.g. {@code cs-manager}, {@code cs-agent},
 *                  {@code content-specialist}
 * @param location  where, e.g. {@code head-office}, {@code restaurant}
 * @param start     first instant of the duty
 * @param end       first instant after it
 * @param note      free text for the team, or null
 * @param createdBy who assigned it
 * @param createdAt when
 */
public record DutyShift(long id, String username, String role, String location, Instant start, Instant end, String note,
                        String createdBy, Instant createdAt) {

    public DutyShift {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** Whether the person is on duty at that instant. */
    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    /** Whether this shift and the stretch [from, to) share an instant. */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && from.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
