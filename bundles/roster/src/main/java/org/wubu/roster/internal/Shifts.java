package org.wubu.roster.internal;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wubu.roster.api.DutyShift;

/** Shifts as people read them (shop time) and as the REST API sends them. */
final class Shifts {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Shifts() {
    }

    /** {@code 2026-11-28 21:00–08:30 (+1)} in the shop's zone. */
    static String span(DutyShift s, ZoneId zone) {
        ZonedDateTime a = s.start().atZone(zone);
        ZonedDateTime b = s.end().atZone(zone);
        long days = b.toLocalDate().toEpochDay() - a.toLocalDate().toEpochDay();
        return DAY_TIME.format(a) + "–" + TIME.format(b) + (days > 0 ? " (+" + days + ")" : "");
    }

    /** {"id","username","role","location","start","end","note","createdBy","createdAt"}, times with the shop's offset. */
    static Map<String, Object> json(DutyShift s, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("username", s.username());
        m.put("role", s.role());
        m.put("location", s.location());
        m.put("start", s.start().atZone(zone).toOffsetDateTime().toString());
        m.put("end", s.end().atZone(zone).toOffsetDateTime().toString());
        m.put("note", s.note());
        m.put("createdBy", s.createdBy());
        m.put("createdAt", s.createdAt() == null ? null : s.createdAt().atZone(zone).toOffsetDateTime().toString());
        return m;
    }
}
