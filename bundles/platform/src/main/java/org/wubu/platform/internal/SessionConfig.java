package org.wubu.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Wubu web sessions",
        description = "Timeouts of the web login (cookie WUBU_SESSION). Optional file etc/org.wubu.sessions.cfg; changes apply without a restart.")
@interface SessionConfig {

    @AttributeDefinition(description = "Minutes without a request after which a session ends")
    int idleMinutes() default 30;

    @AttributeDefinition(description = "Hours after login after which a session ends, however active")
    int absoluteHours() default 12;

    @AttributeDefinition(description = "Sessions one account may keep; a further login ends the oldest")
    int maxPerUser() default 20;
}
