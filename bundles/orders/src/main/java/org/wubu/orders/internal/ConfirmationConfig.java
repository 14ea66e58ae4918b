package org.wubu.orders.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Wubu order confirmation clock",
        description = "ORD-2: how long a CS agent has from an order's acceptance to confirm it with the customer "
                + "(etc/org.wubu.orders.confirmation.cfg; defaults apply without the file)")
@interface ConfirmationConfig {

    @AttributeDefinition(name = "Minutes to confirm", description = "From acceptance until the order is overdue", min = "1", max = "1440")
    int minutes() default 10;

    @AttributeDefinition(name = "Seconds to confirm (drills and tests)",
            description = "When above 0, replaces the minutes: the limit in seconds", min = "0", max = "86400")
    int limitSeconds() default 0;

    @AttributeDefinition(name = "Check interval (seconds)", description = "How often the clock looks for overdue orders",
            min = "1", max = "3600")
    int checkIntervalSeconds() default 30;

    @AttributeDefinition(name = "Role to notify", description = "Who hears of an overdue order: the holders of this role on duty in the duty roster at that moment; "
            + "every holder when the roster names nobody or is not running")
    String notifyRole() default "cs-manager";
}
