package org.wubu.roster.internal;

import java.time.LocalTime;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.ValidationException;
import org.wubu.roster.api.ServiceHours;

/** The roster's configured hours (DUTY-1..3), parsed once per configuration. */
record StandardHours(ServiceHours service, DutyWindow specialistDaily, DutyWindow specialistSunday, DutyWindow restaurantDaily,
                     DutyWindow weekend) {

    private static final Logger LOG = LoggerFactory.getLogger(StandardHours.class);

    /** The configuration's hours; a value that does not parse keeps its default, with a warning in the log. */
    static StandardHours of(RosterConfig c, ZoneId zone) {
        return new StandardHours(
                new ServiceHours(time("serviceOpens", c.serviceOpens(), "08:30"), time("serviceCloses", c.serviceCloses(), "21:00"), zone),
                window("specialistDaily", c.specialistDaily(), "18:00-21:00"),
                window("specialistSunday", c.specialistSunday(), "08:30-21:00"),
                window("restaurantDaily", c.restaurantDaily(), "18:00-20:00"),
                window("weekendHours", c.weekendHours(), "08:30-21:00"));
    }

    private static LocalTime time(String key, String value, String dflt) {
        try {
            return DutyWindow.time(key, value);
        } catch (ValidationException e) {
            LOG.warn("etc/org.wubu.roster.cfg: {}; using {}", e.getMessage(), dflt);
            return LocalTime.parse(dflt);
        }
    }

    private static DutyWindow window(String key, String value, String dflt) {
        try {
            return DutyWindow.parse(key, value);
        } catch (ValidationException e) {
            LOG.warn("etc/org.wubu.roster.cfg: {}; using {}", e.getMessage(), dflt);
            return DutyWindow.parse(key, dflt);
        }
    }
}
