package org.wubu.roster.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Wubu duty roster",
        description = "DUTY-1..3: online service hours and the content specialist's standard duty hours, in the shop's zone "
                + "(etc/org.wubu.roster.cfg; defaults apply without the file). Times are HH:mm, a window is HH:mm-HH:mm.")
@interface RosterConfig {

    @AttributeDefinition(name = "Online service opens", description = "DUTY-1: online CS serves from (HH:mm)")
    String serviceOpens() default "08:30";

    @AttributeDefinition(name = "Online service closes",
            description = "DUTY-1: online CS serves until (HH:mm); outside, the hotline goes to the CS manager on duty")
    String serviceCloses() default "21:00";

    @AttributeDefinition(name = "Content specialist, head office, daily", description = "DUTY-3: HH:mm-HH:mm")
    String specialistDaily() default "18:00-21:00";

    @AttributeDefinition(name = "Content specialist, head office, Sundays", description = "DUTY-3: HH:mm-HH:mm")
    String specialistSunday() default "08:30-21:00";

    @AttributeDefinition(name = "Restaurant branch duty", description = "DUTY-3: HH:mm-HH:mm")
    String restaurantDaily() default "18:00-20:00";

    @AttributeDefinition(name = "Weekend rotation hours", description = "DUTY-2: the hours of a weekend day in a rotation, HH:mm-HH:mm")
    String weekendHours() default "08:30-21:00";
}
