package org.wubu.roster.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.wubu.platform.api.Caller;

/**
 * The duty roster (DUTY-1..3). Days are days of the shop's zone; instants are UTC. Changes check
 * {@link #MANAGE}, validate naming the field, write in one transaction with their audit entry and post a
 * {@link RosterEvents} event.
 */
@ProviderType
public interface DutyRoster {

    /** See the roster (every member of staff). */
    String READ = "duty.read";
    /** Assign and remove shifts (CS manager, department lead, GM). */
    String MANAGE = "duty.manage";

    /** Refusal code (HTTP 409): the person already has a shift in that time; details name the other shift. */
    String OVERLAP = "shift-overlap";

    /** The longest shift. */
    Duration MAX_SHIFT = Duration.ofHours(24);
    /** The most days one {@link #shifts} call covers. */
    int MAX_DAYS = 62;
    /** The most weekends one {@link #rotateWeekends} call plans. */
    int MAX_WEEKENDS = 26;

    /** Locations of the roster's requirements. */
    String HEAD_OFFICE = "head-office";
    String RESTAURANT = "restaurant";

    /** Shifts that touch the shop-zone days {@code from}..{@code to} (both included), by start; needs {@link #READ}. */
    List<DutyShift> shifts(Caller caller, LocalDate from, LocalDate to);

    /**
     * Assigns a shift. Refused: blank username or role, an unknown account or one without the role (when the
     * staff accounts are running), end not after start, longer than {@link #MAX_SHIFT} (validation), or the person
     * already on duty in that time ({@link #OVERLAP}).
     */
    DutyShift assign(Caller caller, ShiftRequest request);

    /** Removes a shift; the reason is required and kept in the audit log. */
    void remove(Caller caller, long id, String reason);

    /**
     * Who holds a shift for the role covering the instant, sorted by name; empty when nobody does. No caller: the
     * platform asks it to address notifications ("the CS manager on duty"), and the answer names only usernames.
     */
    Set<String> onDuty(String role, Instant at);

    /** The online customer service hours (DUTY-1), from configuration. */
    ServiceHours serviceHours();

    /** Whether online customer service is open at the instant (DUTY-1). */
    default boolean onlineServiceOpen(Instant at) {
        return serviceHours().open(at);
    }

    /**
     * Plans a weekend rotation (DUTY-2): for {@code weeks} weekends from {@code fromSaturday}, the next person of
     * {@code usernames} in turn takes Saturday and Sunday from {@code start} to {@code end} (shop time; null: the
     * configured weekend hours) in the role, at the head office. All shifts or none: one clash refuses the whole plan ({@link #OVERLAP}).
     */
    List<DutyShift> rotateWeekends(Caller caller, String role, List<String> usernames, LocalDate fromSaturday, int weeks,
                                   LocalTime start, LocalTime end);
}
