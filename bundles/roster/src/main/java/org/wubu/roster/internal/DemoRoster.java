package org.wubu.roster.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.ShopClock;
import org.wubu.roster.api.DutyRoster;
import org.wubu.roster.api.ShiftRequest;

/**
 * The demo roster (demo mode only), this week and next: the CS manager {@code csmanager} on duty 08:30–21:00
 * daily (DUTY-1: the hotline goes to them outside online hours), the weekend rotation of the backend CS staff
 * (DUTY-2; the demo has one agent, {@code agent}) and the content specialist {@code specialist} on the DUTY-3
 * hours (18:00–21:00 daily, 08:30–21:00 on Sundays). Loaded once: not when the two weeks hold any shift.
 */
final class DemoRoster {

    static final String MANAGER = "csmanager";
    static final String AGENT = "agent";
    static final String SPECIALIST = "specialist";

    private static final Logger LOG = LoggerFactory.getLogger(DemoRoster.class);

    private final RosterStore store;
    private final ShopClock clock;
    private final StandardHours hours;

    DemoRoster(RosterStore store, ShopClock clock, StandardHours hours) {
        this.store = store;
        this.clock = clock;
        this.hours = hours;
    }

    /** Stores the demo shifts unless these two weeks already have shifts; answers how many were stored. */
    int load() {
        ZoneId zone = clock.zone();
        LocalDate monday = clock.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (store.anyBetween(monday.atStartOfDay(zone).toInstant(), monday.plusDays(14).atStartOfDay(zone).toInstant())) {
            return 0;
        }
        DutyWindow manager = new DutyWindow(hours.service().opens(), hours.service().closes());
        List<ShiftRequest> plan = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            LocalDate day = monday.plusDays(d);
            plan.add(shift(MANAGER, "cs-manager", manager, day, "demo: DUTY-1 hotline after hours / 演示：热线值班"));
            DutyWindow specialist = day.getDayOfWeek() == DayOfWeek.SUNDAY ? hours.specialistSunday() : hours.specialistDaily();
            plan.add(shift(SPECIALIST, "content-specialist", specialist, day, "demo: DUTY-3 / 演示：网站维护值班"));
        }
        plan.addAll(store.plan("cs-agent", List.of(AGENT), monday.plusDays(5), 2, hours.weekend().from(), hours.weekend().to()));
        int stored = store.store(Caller.SYSTEM, plan).size();
        LOG.info("Demo duty roster: {} shifts from {} to {}", stored, monday, monday.plusDays(13));
        return stored;
    }

    private ShiftRequest shift(String username, String role, DutyWindow window, LocalDate day, String note) {
        return store.validate(new ShiftRequest(username, role, DutyRoster.HEAD_OFFICE, window.startOn(day, clock.zone()),
                window.endOn(day, clock.zone()), note));
    }
}
