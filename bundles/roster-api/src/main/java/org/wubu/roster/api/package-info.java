/**
 * The duty roster (DUTY-1 .. DUTY-3): who of the staff is on duty, in which role, where and when.
 * A {@link org.wubu.roster.api.DutyShift} is one person's stretch of duty in one role (at most 24 hours, it may
 * cross midnight); {@link org.wubu.roster.api.DutyRoster} lists, assigns and removes shifts, answers who is on
 * duty for a role at an instant (the orders' confirmation clock asks it to reach the CS manager on duty) and
 * whether online customer service is open (DUTY-1). Events: {@link org.wubu.roster.api.RosterEvents}.
 */
@Version("1.0.0")
package org.wubu.roster.api;

import org.osgi.annotation.versioning.Version;
