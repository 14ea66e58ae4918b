package org.wubu.roster.internal;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.web.Rest;
import org.wubu.roster.api.DutyRoster;
import org.wubu.roster.api.DutyShift;
import org.wubu.roster.api.ServiceHours;
import org.wubu.roster.api.ShiftRequest;

/**
 * REST of the duty roster, {@code /api/roster} (see docs/roster-api.md). Reads need {@code duty.read}, changes
 * {@code duty.manage}; the servlet is declared {@code authenticated} because every member of staff reads the roster
 * and each request checks its own permission.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + Rest.AUTHENTICATED)
@HttpWhiteboardServletName("wubu-roster")
@HttpWhiteboardServletPattern("/roster/*")
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class RosterServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RosterStore roster;
    private final transient ShopClock clock;

    @Activate
    public RosterServlet(@Reference RosterStore roster, @Reference ShopClock clock) {
        this.roster = roster;
        this.clock = clock;
    }

    /** The body of POST /api/roster/shifts. */
    public record ShiftBody(String username, String role, String location, String start, String end, String note) {
    }

    /** The body of POST /api/roster/rotations. */
    public record RotationBody(String role, List<String> usernames, String fromSaturday, Integer weeks, String start, String end) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(DutyRoster.READ);
            String[] p = Rest.segments(req);
            if (p.length == 0 || (p.length == 1 && p[0].equals("now"))) {
                Rest.json(resp, 200, now());
            } else if (p.length == 1 && p[0].equals("shifts")) {
                ZoneId zone = clock.zone();
                LocalDate monday = clock.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                LocalDate from = day(req, "from", monday);
                LocalDate to = day(req, "to", from.plusDays(6));
                List<DutyShift> shifts = roster.shifts(caller, from, to);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("from", from.toString());
                body.put("to", to.toString());
                body.put("zone", zone.getId());
                body.put("items", shifts.stream().map(s -> Shifts.json(s, zone)).collect(Collectors.toList()));
                Rest.json(resp, 200, body);
            } else if (p.length == 1 && p[0].equals("on-duty")) {
                String role = Rest.param(req, "role");
                if (role == null) {
                    throw new ValidationException("role is required, e.g. ?role=cs-manager / 请指定角色", Map.of("role", "missing"));
                }
                Instant at = Rest.instantParam(req, "at");
                Instant when = at == null ? clock.now() : at;
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("role", role);
                body.put("at", when.atZone(clock.zone()).toOffsetDateTime().toString());
                body.put("usernames", List.copyOf(roster.onDuty(role, when)));
                Rest.json(resp, 200, body);
            } else {
                throw new NotFoundException("roster resource", "/" + String.join("/", p));
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(DutyRoster.MANAGE);
            String[] p = Rest.segments(req);
            if (p.length == 1 && p[0].equals("shifts")) {
                ShiftBody b = Rest.body(req, ShiftBody.class);
                DutyShift s = roster.assign(caller, new ShiftRequest(b.username(), b.role(), b.location(), Rest.instant("start", b.start()),
                        Rest.instant("end", b.end()), b.note()));
                Rest.json(resp, 201, Shifts.json(s, clock.zone()));
            } else if (p.length == 1 && p[0].equals("rotations")) {
                RotationBody b = Rest.body(req, RotationBody.class);
                List<DutyShift> shifts = roster.rotateWeekends(caller, b.role(), b.usernames(), date("fromSaturday", b.fromSaturday()),
                        b.weeks() == null ? 0 : b.weeks(),
                        b.start() == null ? null : DutyWindow.time("start", b.start()), b.end() == null ? null : DutyWindow.time("end", b.end()));
                Rest.json(resp, 201, Map.of("items", shifts.stream().map(s -> Shifts.json(s, clock.zone())).collect(Collectors.toList())));
            } else {
                throw new NotFoundException("roster resource", "/" + String.join("/", p));
            }
        });
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(DutyRoster.MANAGE);
            String[] p = Rest.segments(req);
            if (p.length != 2 || !p[0].equals("shifts")) {
                throw new NotFoundException("roster resource", "/" + String.join("/", p));
            }
            long id;
            try {
                id = Long.parseLong(p[1]);
            } catch (NumberFormatException e) {
                throw new NotFoundException("shift", p[1]);
            }
            roster.remove(caller, id, Rest.param(req, "reason"));
            Rest.json(resp, 200, Map.of("removed", id));
        });
    }

    /** Who is on duty now, whether online service is open, and the configured hours. */
    private Map<String, Object> now() {
        Instant now = clock.now();
        ZoneId zone = clock.zone();
        StandardHours h = roster.standardHours();
        ServiceHours service = h.service();
        Map<String, Object> hours = new LinkedHashMap<>();
        hours.put("opens", service.opens().toString());
        hours.put("closes", service.closes().toString());
        Map<String, Object> standard = new LinkedHashMap<>();
        standard.put("specialistDaily", h.specialistDaily().toString());
        standard.put("specialistSunday", h.specialistSunday().toString());
        standard.put("restaurantDaily", h.restaurantDaily().toString());
        standard.put("weekend", h.weekend().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", now.atZone(zone).toOffsetDateTime().toString());
        body.put("zone", zone.getId());
        body.put("today", clock.today().toString());
        body.put("onlineServiceOpen", service.open(now));
        body.put("serviceHours", hours);
        body.put("standardHours", standard);
        body.put("onDuty", roster.covering(now).stream().map(s -> Shifts.json(s, zone)).collect(Collectors.toList()));
        return body;
    }

    private static LocalDate day(HttpServletRequest req, String name, LocalDate dflt) {
        String v = Rest.param(req, name);
        return v == null ? dflt : date(name, v);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field + " is required: a day YYYY-MM-DD / " + field + " 必填（YYYY-MM-DD）", Map.of(field, "missing"));
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeException e) {
            throw new ValidationException(field + " must be a day YYYY-MM-DD (got '" + value + "') / " + field + " 应为 YYYY-MM-DD",
                    Map.of(field, "not a day"));
        }
    }
}
