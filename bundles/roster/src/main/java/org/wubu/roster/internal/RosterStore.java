package org.wubu.roster.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.platform.api.persistence.UnitOfWork;
import org.wubu.roster.api.DutyRoster;
import org.wubu.roster.api.DutyShift;
import org.wubu.roster.api.RosterEvents;
import org.wubu.roster.api.ServiceHours;
import org.wubu.roster.api.ShiftRequest;
import org.wubu.security.api.AccountService;
import org.wubu.security.api.StaffAccount;

/**
 * The duty roster on table ROSTER_SHIFT. Every change checks {@link DutyRoster#MANAGE}, validates naming the
 * field, writes its rows and audit entries in one {@link UnitOfWork} and posts its events after the commit.
 *
 * <p>Assignments run one at a time (the overlap check and the insert must not interleave): on this node by a
 * monitor, and across nodes sharing one database by a table lock taken first in the assignment's transaction
 * ({@link ShiftTable#lockForAssignment}); the roster is edited by hand a few times a week, so nobody waits long.
 */
// Immediate: it loads the demo roster at activation, which a delayed component would repeat at every re-activation.
@Component(service = {DutyRoster.class, RosterStore.class}, configurationPid = RosterStore.PID, immediate = true)
@Designate(ocd = RosterConfig.class)
public class RosterStore implements DutyRoster {

    static final String PID = "org.wubu.roster";
    /** The roster reads staff accounts only to check that the person exists and holds the role. */
    static final Caller ACCOUNT_READER = new Caller("roster", Set.of("system"), Set.of(AccountService.READ));

    private static final Logger LOG = LoggerFactory.getLogger(RosterStore.class);
    private static final String NAME = "[a-z0-9][a-z0-9._@-]{0,63}";
    private static final String WORD = "[a-z][a-z0-9-]{0,63}";
    private static final int MAX_NOTE = 500;

    private final DataSource dataSource;
    private final UnitOfWork units;
    private final ShopClock clock;
    private final AuditService audit;
    private final ShiftTable table = new ShiftTable();
    /** Serialises overlap check and insert (see the class comment). */
    private final Object assigning = new Object();
    private volatile StandardHours hours;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    /** When the staff accounts run, an assignment must name an existing account that holds the role. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;

    @Activate
    public RosterStore(@Reference(target = "(osgi.jndi.service.name=" + UnitOfWork.DATA_SOURCE + ")") DataSource dataSource,
                       @Reference UnitOfWork units,
                       @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.roster)") SchemaReady schema,
                       @Reference ShopClock clock, @Reference AuditService audit, @Reference PlatformInfo platform,
                       RosterConfig config) {
        this(dataSource, units, clock, audit, config);
        if (platform.isDemo()) {
            try {
                new DemoRoster(this, clock, hours).load();
            } catch (RuntimeException e) {
                LOG.warn("The demo duty roster could not be loaded: {}", e.toString());
            }
        }
    }

    RosterStore(DataSource dataSource, UnitOfWork units, ShopClock clock, AuditService audit, RosterConfig config) {
        this.dataSource = dataSource;
        this.units = units;
        this.clock = clock;
        this.audit = audit;
        this.hours = StandardHours.of(config, clock.zone());
    }

    @Modified
    void modified(RosterConfig config) {
        this.hours = StandardHours.of(config, clock.zone());
    }

    StandardHours standardHours() {
        return hours;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public List<DutyShift> shifts(Caller caller, LocalDate from, LocalDate to) {
        caller.require(READ);
        Map<String, Object> bad = new LinkedHashMap<>();
        if (from == null) {
            bad.put("from", "missing");
        }
        if (to == null) {
            bad.put("to", "missing");
        }
        if (bad.isEmpty() && to.isBefore(from)) {
            bad.put("to", "before from");
        } else if (bad.isEmpty() && ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            bad.put("to", "more than " + MAX_DAYS + " days after from");
        }
        if (!bad.isEmpty()) {
            throw new ValidationException("the roster shows 1 to " + MAX_DAYS + " days: from and to are days YYYY-MM-DD, to not before from "
                    + bad + " / 值班表一次显示 1 至 " + MAX_DAYS + " 天", bad);
        }
        Instant start = from.atStartOfDay(clock.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(clock.zone()).toInstant();
        return read(c -> table.between(c, start, end));
    }

    @Override
    public Set<String> onDuty(String role, Instant at) {
        if (role == null || role.isBlank() || at == null) {
            return Set.of();
        }
        return read(c -> table.onDuty(c, role.trim(), at));
    }

    /** The live shifts covering the instant (the console's "on duty now"). */
    List<DutyShift> covering(Instant at) {
        return read(c -> table.between(c, at, at.plusMillis(1)));
    }

    @Override
    public ServiceHours serviceHours() {
        return hours.service();
    }

    // ------------------------------------------------------------------ changes

    @Override
    public DutyShift assign(Caller caller, ShiftRequest request) {
        caller.require(MANAGE);
        ShiftRequest r = validate(request);
        checkAccount(r.username(), r.role());
        return store(caller, List.of(r)).get(0);
    }

    @Override
    public List<DutyShift> rotateWeekends(Caller caller, String role, List<String> usernames, LocalDate fromSaturday, int weeks,
                                          LocalTime start, LocalTime end) {
        caller.require(MANAGE);
        DutyWindow weekend = hours.weekend(); // the configured weekend hours where none are given
        List<ShiftRequest> plan = plan(role, usernames, fromSaturday, weeks, start == null ? weekend.from() : start,
                end == null ? weekend.to() : end);
        for (ShiftRequest r : plan) {
            checkAccount(r.username(), r.role());
        }
        return store(caller, plan);
    }

    /** The shifts of a weekend rotation: weekend i goes to usernames[i mod n], Saturday and Sunday. */
    List<ShiftRequest> plan(String role, List<String> usernames, LocalDate fromSaturday, int weeks, LocalTime start, LocalTime end) {
        Map<String, Object> bad = new LinkedHashMap<>();
        if (usernames == null || usernames.isEmpty() || usernames.stream().anyMatch(u -> u == null || u.isBlank())) {
            bad.put("usernames", "missing");
        }
        if (fromSaturday == null) {
            bad.put("fromSaturday", "missing");
        } else if (fromSaturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
            bad.put("fromSaturday", "not a Saturday");
        }
        if (weeks < 1 || weeks > MAX_WEEKENDS) {
            bad.put("weeks", "out of range 1-" + MAX_WEEKENDS);
        }
        if (start == null) {
            bad.put("start", "missing");
        }
        if (end == null) {
            bad.put("end", "missing");
        }
        if (!bad.isEmpty()) {
            throw new ValidationException("a weekend rotation needs usernames, a Saturday to start, 1 to " + MAX_WEEKENDS
                    + " weeks and the hours " + bad + " / 周末轮值需要人员、开始的星期六、周数和时间", bad);
        }
        DutyWindow window = new DutyWindow(start, end);
        List<ShiftRequest> plan = new ArrayList<>();
        for (int week = 0; week < weeks; week++) {
            String who = usernames.get(week % usernames.size()).trim();
            for (int d = 0; d < 2; d++) {
                LocalDate day = fromSaturday.plusWeeks(week).plusDays(d);
                plan.add(validate(new ShiftRequest(who, role, HEAD_OFFICE, window.startOn(day, clock.zone()), window.endOn(day, clock.zone()),
                        "weekend rotation / 周末轮值")));
            }
        }
        return plan;
    }

    @Override
    public void remove(Caller caller, long id, String reason) {
        caller.require(MANAGE);
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason is required: say why the shift is removed / 请填写删除原因", Map.of("reason", "missing"));
        }
        String why = reason.trim();
        if (why.length() > MAX_NOTE) {
            throw new ValidationException("reason is at most " + MAX_NOTE + " characters / 原因最多 " + MAX_NOTE + " 个字符",
                    Map.of("reason", "too long"));
        }
        Instant now = clock.now();
        DutyShift removed = inUnit(() -> {
            try (Connection c = dataSource.getConnection()) {
                DutyShift s = table.find(c, id).orElseThrow(() -> new NotFoundException("shift", Long.toString(id)));
                if (!table.markRemoved(c, id, caller.username(), now, why)) {
                    throw new NotFoundException("shift", Long.toString(id));
                }
                audit.record(caller, "roster.shift.removed", RosterEvents.subject(id), describe(s) + "; reason: " + why);
                return s;
            }
        });
        post(RosterEvents.SHIFT_REMOVED, caller, removed, now);
    }

    /** Stores the shifts, all or none, each checked against the person's other shifts; for the demo too. */
    List<DutyShift> store(Caller caller, List<ShiftRequest> requests) {
        Instant now = clock.now();
        List<DutyShift> stored;
        synchronized (assigning) {
            stored = inUnit(() -> {
                List<DutyShift> out = new ArrayList<>();
                try (Connection c = dataSource.getConnection()) {
                    table.lockForAssignment(c); // other nodes' assignments wait: check and insert stay together
                    for (ShiftRequest r : requests) {
                        Optional<DutyShift> clash = table.clash(c, r.username(), r.start(), r.end());
                        if (clash.isPresent()) {
                            throw overlap(r, clash.get());
                        }
                        DutyShift s = table.insert(c, r.username(), r.role(), r.location(), r.start(), r.end(), r.note(), caller.username(), now);
                        audit.record(caller, "roster.shift.assigned", RosterEvents.subject(s.id()), describe(s));
                        out.add(s);
                    }
                }
                return out;
            });
        }
        for (DutyShift s : stored) {
            post(RosterEvents.SHIFT_ASSIGNED, caller, s, now);
        }
        return stored;
    }

    /** Whether the roster has any shift in [from, to) (the demo loads once). */
    boolean anyBetween(Instant from, Instant to) {
        return !read(c -> table.between(c, from, to)).isEmpty();
    }

    // ------------------------------------------------------------------ rules

    /** The request checked and normalised; every bad field named at once. */
    ShiftRequest validate(ShiftRequest r) {
        if (r == null) {
            throw new ValidationException("a shift needs username, role, start and end / 班次需要人员、角色、开始和结束时间");
        }
        Map<String, Object> bad = new LinkedHashMap<>();
        String username = text(r.username());
        String role = text(r.role());
        String location = text(r.location()) == null ? HEAD_OFFICE : text(r.location());
        String note = text(r.note());
        if (username == null) {
            bad.put("username", "missing");
        } else if (!username.matches(NAME)) {
            bad.put("username", "invalid");
        }
        if (role == null) {
            bad.put("role", "missing");
        } else if (!role.matches(WORD)) {
            bad.put("role", "invalid");
        }
        if (!location.matches(WORD)) {
            bad.put("location", "invalid");
        }
        if (r.start() == null) {
            bad.put("start", "missing");
        }
        if (r.end() == null) {
            bad.put("end", "missing");
        }
        if (r.start() != null && r.end() != null) {
            if (!r.end().isAfter(r.start())) {
                bad.put("end", "not after start");
            } else if (r.end().isAfter(r.start().plus(MAX_SHIFT))) {
                bad.put("end", "more than 24 hours after start");
            }
        }
        if (note != null && note.length() > MAX_NOTE) {
            bad.put("note", "too long");
        }
        if (!bad.isEmpty()) {
            throw new ValidationException("the shift is not valid: " + bad + " (a shift names a username and a role, ends after it starts"
                    + " and lasts at most 24 hours) / 班次无效：需填写人员和角色，结束晚于开始，最长 24 小时", bad);
        }
        return new ShiftRequest(username, role, location, r.start().truncatedTo(ChronoUnit.SECONDS),
                r.end().truncatedTo(ChronoUnit.SECONDS), note);
    }

    /** With the staff accounts running: the account exists and holds the role. */
    void checkAccount(String username, String role) {
        AccountService a = accounts;
        if (a == null) {
            return;
        }
        Optional<StaffAccount> account = a.find(ACCOUNT_READER, username);
        if (account.isEmpty()) {
            throw new ValidationException("username: there is no staff account '" + username + "' / 没有员工账号 " + username,
                    Map.of("username", "unknown"));
        }
        if (!account.get().roles().contains(role)) {
            throw new ValidationException("role: " + username + " does not hold the role " + role + " (holds " + account.get().roles()
                    + ") / " + username + " 没有角色 " + role, Map.of("role", "not held"));
        }
    }

    private WubuException overlap(ShiftRequest r, DutyShift other) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", "start");
        details.put("username", r.username());
        details.put("shiftId", other.id());
        details.put("role", other.role());
        details.put("start", other.start().atZone(clock.zone()).toOffsetDateTime().toString());
        details.put("end", other.end().atZone(clock.zone()).toOffsetDateTime().toString());
        String span = Shifts.span(other, clock.zone());
        return new WubuException(OVERLAP, r.username() + " is already on duty then: shift " + other.id() + " as " + other.role() + ", "
                + span + " / " + r.username() + " 该时段已有值班：班次 " + other.id() + "（" + other.role() + "，" + span + "）", details);
    }

    private String describe(DutyShift s) {
        return s.username() + " as " + s.role() + " at " + s.location() + ", " + Shifts.span(s, clock.zone())
                + (s.note() == null ? "" : "; note: " + s.note());
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // ------------------------------------------------------------------ plumbing

    private void post(String topic, Caller caller, DutyShift s, Instant at) {
        EventAdmin ea = eventAdmin;
        if (ea == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(Topics.ACTOR, caller.username());
        props.put(Topics.SUBJECT, RosterEvents.subject(s.id()));
        props.put(Topics.TIME, at.toString());
        props.put(RosterEvents.SHIFT_ID, s.id());
        props.put(RosterEvents.USERNAME, s.username());
        props.put(RosterEvents.ROLE, s.role());
        props.put(RosterEvents.START, s.start().toString());
        props.put(RosterEvents.END, s.end().toString());
        ea.postEvent(new Event(topic, props));
    }

    @FunctionalInterface
    interface Sql<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T read(Sql<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the duty roster could not be read: " + e.getMessage(), e);
        }
    }

    private <T> T inUnit(Work<T> work) {
        try {
            return units.run(work::run);
        } catch (SQLException e) {
            throw new IllegalStateException("the duty roster could not be changed: " + e.getMessage(), e);
        }
    }
}
