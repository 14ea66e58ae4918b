package org.wubu.roster.internal;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.junit.rules.ExternalResource;
import org.wubu.persistence.internal.SharedTransactions;
import org.wubu.platform.api.Caller;
import org.wubu.roster.api.DutyRoster;
import org.wubu.roster.api.ShiftRequest;
import org.wubu.testsupport.MovableClock;
import org.wubu.testsupport.RecordingAudit;
import org.wubu.testsupport.RecordingEventAdmin;
import org.wubu.testsupport.TestDatabase;

/** The roster on a fresh migrated embedded Derby, with the platform's shared transactions, a movable clock and recorders. */
class RosterFixture extends ExternalResource {

    static final Caller MANAGER = new Caller("csmanager", Set.of("cs-manager"), Set.of(DutyRoster.READ, DutyRoster.MANAGE));
    static final Caller PLANNER = new Caller("planner", Set.of("planner"), Set.of(DutyRoster.READ, "catalog.read"));

    TestDatabase db;
    SharedTransactions units;
    final MovableClock clock = new MovableClock();
    final RecordingAudit audit = new RecordingAudit();
    final RecordingEventAdmin events = new RecordingEventAdmin();
    RosterStore roster;

    @Override
    protected void before() throws Throwable {
        db = TestDatabase.withMigrations("roster");
        units = new SharedTransactions(db.dataSource);
        roster = new RosterStore(units, units, clock, audit, config());
        roster.eventAdmin = events;
    }

    @Override
    protected void after() {
        db.shutdown();
    }

    /** The shop's time (Asia/Shanghai) on a day as an instant. */
    Instant at(LocalDate day, String hhmm) {
        return day.atTime(LocalTime.parse(hhmm)).atZone(clock.zone()).toInstant();
    }

    ShiftRequest shift(String who, String role, LocalDate day, String from, LocalDate endDay, String to) {
        return new ShiftRequest(who, role, null, at(day, from), at(endDay, to), null);
    }

    static RosterConfig config() {
        return new RosterConfig() {
            public String serviceOpens() {
                return "08:30";
            }

            public String serviceCloses() {
                return "21:00";
            }

            public String specialistDaily() {
                return "18:00-21:00";
            }

            public String specialistSunday() {
                return "08:30-21:00";
            }

            public String restaurantDaily() {
                return "18:00-20:00";
            }

            public String weekendHours() {
                return "08:30-21:00";
            }

            public Class<? extends Annotation> annotationType() {
                return RosterConfig.class;
            }
        };
    }
}
