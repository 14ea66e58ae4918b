package org.wubu.orders.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Wubu reservation sweeper",
        description = "Issue 6, nothing lost: releases stock the catalog still holds for orders that do not exist "
                + "(etc/org.wubu.orders.sweeper.cfg; defaults apply without the file)")
@interface SweeperConfig {

    @AttributeDefinition(name = "Minutes before a reservation counts as left behind",
            description = "Younger reservations may belong to an intake still running; they are left alone", min = "1", max = "1440")
    int ageMinutes() default 10;

    @AttributeDefinition(name = "Seconds after start", description = "The first sweep, once the platform has settled",
            min = "0", max = "3600")
    int initialDelaySeconds() default 30;

    @AttributeDefinition(name = "Interval (minutes)", description = "How often the sweeper looks again", min = "1", max = "1440")
    int intervalMinutes() default 5;
}
