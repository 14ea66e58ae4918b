package org.wubu.roster.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PermissionDeniedException;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.roster.api.DutyRoster;
import org.wubu.roster.api.DutyShift;
import org.wubu.roster.api.RosterEvents;

/** The roster's rules on a real embedded Derby: overlaps, nights across midnight, rotations, validation, removal. */
public class RosterStoreTest {

    @Rule
    public final RosterFixture f = new RosterFixture();

    private static final LocalDate FRI = LocalDate.of(2026, 11, 27);
    private static final LocalDate SAT = FRI.plusDays(1);

    @Test
    public void anAssignedShiftIsListedAuditedAndAnnounced() {
        DutyShift s = f.roster.assign(RosterFixture.MANAGER, f.shift("csmanager", "cs-manager", FRI, "08:30", FRI, "21:00"));
        assertEquals("head-office", s.location());
        assertEquals("csmanager", s.createdBy());
        assertEquals(List.of(s), f.roster.shifts(RosterFixture.PLANNER, FRI, FRI));
        assertEquals(List.of("csmanager roster.shift.assigned"), f.audit.actions(RosterEvents.subject(s.id())));
        assertEquals(List.of(RosterEvents.SHIFT_ASSIGNED), f.events.topics());
        assertEquals(Set.of("csmanager"), f.roster.onDuty("cs-manager", f.at(FRI, "12:00")));
        assertEquals(Set.of(), f.roster.onDuty("cs-agent", f.at(FRI, "12:00")));
        assertEquals(Set.of(), f.roster.onDuty("cs-manager", f.at(FRI, "21:00")));
    }

    @Test
    public void anOverlappingShiftOfTheSamePersonIsRefusedNamingTheClash() {
        DutyShift first = f.roster.assign(RosterFixture.MANAGER, f.shift("csmanager", "cs-manager", FRI, "08:30", FRI, "21:00"));
        WubuException e = assertThrows(WubuException.class,
                () -> f.roster.assign(RosterFixture.MANAGER, f.shift("csmanager", "cs-agent", FRI, "20:00", FRI, "23:00")));
        assertEquals(DutyRoster.OVERLAP, e.code());
        assertEquals(first.id(), e.details().get("shiftId"));
        assertTrue(e.getMessage(), e.getMessage().contains("2026-11-27 08:30–21:00"));
        // Back to back is no overlap, nor is another person at the same time.
        f.roster.assign(RosterFixture.MANAGER, f.shift("csmanager", "cs-manager", FRI, "21:00", SAT, "08:30"));
        f.roster.assign(RosterFixture.MANAGER, f.shift("agent", "cs-agent", FRI, "08:30", FRI, "21:00"));
        assertEquals(3, f.roster.shifts(RosterFixture.MANAGER, FRI, SAT).size());
    }

    @Test
    public void aNightShiftCoversTheHoursAfterMidnight() {
        f.roster.assign(RosterFixture.MANAGER, f.shift("csmanager", "cs-manager", FRI, "21:00", SAT, "08:30"));
        assertEquals(Set.of("csmanager"), f.roster.onDuty("cs-manager", f.at(FRI, "23:59")));
        assertEquals(Set.of("csmanager"), f.roster.onDuty("cs-manager", f.at(SAT, "02:00")));
        assertEquals(Set.of(), f.roster.onDuty("cs-manager", f.at(SAT, "08:30")));
        assertEquals(Set.of(), f.roster.onDuty("cs-manager", f.at(FRI, "20:59")));
        // Listed on both days it touches.
        assertEquals(1, f.roster.shifts(RosterFixture.PLANNER, SAT, SAT).size());
        assertEquals(1, f.roster.shifts(RosterFixture.PLANNER, FRI, FRI).size());
    }

    @Test
    public void badShiftsAreRefusedNamingEveryField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> f.roster.assign(RosterFixture.MANAGER, f.shift(" ", "", FRI, "21:00", FRI, "08:00")));
        assertEquals(Set.of("username", "role", "end"), e.details().keySet());
        assertEquals("not after start", e.details().get("end"));
        e = assertThrows(ValidationException.class,
                () -> f.roster.assign(RosterFixture.MANAGER, f.shift("agent", "cs-agent", FRI, "08:00", SAT, "08:01")));
        assertEquals("more than 24 hours after start", e.details().get("end"));
        e = assertThrows(ValidationException.class, () -> f.roster.shifts(RosterFixture.PLANNER, FRI, FRI.plusDays(62)));
        assertEquals(Set.of("to"), e.details().keySet());
        assertTrue(f.audit.entries.isEmpty());
    }

    @Test
    public void onlyManagersChangeTheRoster() {
        assertThrows(PermissionDeniedException.class,
                () -> f.roster.assign(RosterFixture.PLANNER, f.shift("planner", "planner", FRI, "08:30", FRI, "21:00")));
        DutyShift s = f.roster.assign(RosterFixture.MANAGER, f.shift("agent", "cs-agent", FRI, "08:30", FRI, "21:00"));
        assertThrows(PermissionDeniedException.class, () -> f.roster.remove(RosterFixture.PLANNER, s.id(), "no"));
    }

    @Test
    public void aRemovedShiftNeedsAReasonAndNoLongerCounts() {
        DutyShift s = f.roster.assign(RosterFixture.MANAGER, f.shift("csmanager", "cs-manager", FRI, "08:30", FRI, "21:00"));
        ValidationException e = assertThrows(ValidationException.class, () -> f.roster.remove(RosterFixture.MANAGER, s.id(), " "));
        assertEquals(Set.of("reason"), e.details().keySet());
        f.roster.remove(RosterFixture.MANAGER, s.id(), "swapped with lead");
        assertEquals(Set.of(), f.roster.onDuty("cs-manager", f.at(FRI, "12:00")));
        assertTrue(f.roster.shifts(RosterFixture.MANAGER, FRI, FRI).isEmpty());
        assertEquals(List.of("csmanager roster.shift.assigned", "csmanager roster.shift.removed"), f.audit.actions(RosterEvents.subject(s.id())));
        assertTrue(f.events.topics().contains(RosterEvents.SHIFT_REMOVED));
        assertThrows(NotFoundException.class, () -> f.roster.remove(RosterFixture.MANAGER, s.id(), "again"));
        // The time is free again.
        f.roster.assign(RosterFixture.MANAGER, f.shift("csmanager", "cs-manager", FRI, "09:00", FRI, "17:00"));
    }

    @Test
    public void aWeekendRotationGivesEachWeekendToTheNextPerson() {
        List<DutyShift> plan = f.roster.rotateWeekends(RosterFixture.MANAGER, "cs-agent", List.of("agent", "agent2"), SAT, 3,
                LocalTime.of(8, 30), LocalTime.of(21, 0));
        assertEquals(6, plan.size());
        assertEquals(List.of("agent", "agent", "agent2", "agent2", "agent", "agent"),
                plan.stream().map(DutyShift::username).collect(Collectors.toList()));
        assertEquals(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                plan.stream().map(s -> s.start().atZone(f.clock.zone()).getDayOfWeek()).collect(Collectors.toList()));
        assertEquals(Set.of("agent2"), f.roster.onDuty("cs-agent", f.at(SAT.plusDays(8), "12:00")));
        assertEquals(6, f.audit.entries.size());
    }

    @Test
    public void aRotationWithOneClashStoresNothing() {
        f.roster.assign(RosterFixture.MANAGER, f.shift("agent2", "cs-manager", SAT.plusDays(7), "10:00", SAT.plusDays(7), "12:00"));
        WubuException e = assertThrows(WubuException.class, () -> f.roster.rotateWeekends(RosterFixture.MANAGER, "cs-agent",
                List.of("agent", "agent2"), SAT, 2, LocalTime.of(8, 30), LocalTime.of(21, 0)));
        assertEquals(DutyRoster.OVERLAP, e.code());
        assertEquals(1, f.roster.shifts(RosterFixture.MANAGER, SAT, SAT.plusDays(8)).size());
        ValidationException notSaturday = assertThrows(ValidationException.class, () -> f.roster.rotateWeekends(RosterFixture.MANAGER,
                "cs-agent", List.of("agent"), FRI, 2, LocalTime.of(8, 30), LocalTime.of(21, 0)));
        assertEquals(Set.of("fromSaturday"), notSaturday.details().keySet());
    }

    @Test
    public void onlineServiceHoursFollowTheConfiguration() {
        assertFalse(f.roster.onlineServiceOpen(f.at(FRI, "08:29")));
        assertTrue(f.roster.onlineServiceOpen(f.at(FRI, "08:30")));
        assertTrue(f.roster.onlineServiceOpen(f.at(FRI, "20:59")));
        assertFalse(f.roster.onlineServiceOpen(f.at(FRI, "21:00")));
    }

    @Test
    public void theDemoRosterIsLoadedOnce() {
        DemoRoster demo = new DemoRoster(f.roster, f.clock, f.roster.standardHours());
        assertEquals(14 + 14 + 4, demo.load());
        assertEquals(0, demo.load());
        LocalDate monday = FRI.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        assertEquals(Set.of("csmanager"), f.roster.onDuty("cs-manager", f.at(FRI, "12:00")));
        assertEquals(Set.of("specialist"), f.roster.onDuty("content-specialist", f.at(FRI, "18:30")));
        assertEquals(Set.of(), f.roster.onDuty("content-specialist", f.at(FRI, "12:00")));
        assertEquals(Set.of("specialist"), f.roster.onDuty("content-specialist", f.at(sunday, "09:00")));
        assertEquals(Set.of("agent"), f.roster.onDuty("cs-agent", f.at(SAT, "09:00")));
    }
}
