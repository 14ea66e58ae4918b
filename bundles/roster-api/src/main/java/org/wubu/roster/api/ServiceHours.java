package org.wubu.roster.api;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The daily hours of online customer service in the shop's zone (DUTY-1, 08:30–21:00 by default); outside
 * them the hotline goes to the CS manager on duty.
 */
public record ServiceHours(LocalTime opens, LocalTime closes, ZoneId zone) {

    public ServiceHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(zone, "zone");
    }

    /** Whether online service is open at the instant (a span past midnight, e.g. 20:00–02:00, works too). */
    public boolean open(Instant at) {
        LocalTime t = at.atZone(zone).toLocalTime();
        if (opens.equals(closes)) {
            return true;
        }
        return opens.isBefore(closes) ? !t.isBefore(opens) && t.isBefore(closes) : !t.isBefore(opens) || t.isBefore(closes);
    }
}
