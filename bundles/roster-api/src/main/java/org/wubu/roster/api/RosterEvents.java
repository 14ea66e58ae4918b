package org.wubu.roster.api;

import org.wubu.platform.api.Topics;

/**
 * EventAdmin topics of the duty roster, posted after the change is committed. Every event carries
 * {@link Topics#ACTOR}, {@link Topics#SUBJECT} ({@code shift:<id>}), {@link Topics#TIME} and the properties below.
 */
public final class RosterEvents {

    /** A shift was assigned. */
    public static final String SHIFT_ASSIGNED = Topics.topic("roster", "SHIFT_ASSIGNED");
    /** A shift was removed (with a reason). */
    public static final String SHIFT_REMOVED = Topics.topic("roster", "SHIFT_REMOVED");
    /** Subscribe here for both. */
    public static final String ALL = Topics.ROOT + "/roster/*";

    /** Property: the shift's id (a Long). */
    public static final String SHIFT_ID = "shiftId";
    /** Property: the person on duty. */
    public static final String USERNAME = "username";
    /** Property: the role of the duty. */
    public static final String ROLE = "role";
    /** Property: start of the shift, ISO-8601 UTC. */
    public static final String START = "start";
    /** Property: end of the shift, ISO-8601 UTC. */
    public static final String END = "end";

    private RosterEvents() {
    }

    /** The subject of a shift in audit entries and events: {@code shift:<id>}. */
    public static String subject(long id) {
        return "shift:" + id;
    }
}
