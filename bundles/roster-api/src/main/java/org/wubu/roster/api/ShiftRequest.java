package org.wubu.roster.api;

import java.time.Instant;

/**
 * What {@link DutyRoster#assign} needs: who, in which role, where, from when to when (UTC instants; at most
 * {@link DutyRoster#MAX_SHIFT}) and an optional note. {@code location} defaults to {@link DutyRoster#HEAD_OFFICE}.
 */
public record ShiftRequest(String username, String role, String location, Instant start, Instant end, String note) {
}
