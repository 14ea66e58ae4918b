package org.wubu.orders.seal.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Wubu orders daily record",
        description = "The sealed daily record of the orders (ORD-4). See etc/org.wubu.orders.seal.cfg.")
@interface SealConfig {

    @AttributeDefinition(description = "Time of day (HH:mm or HH:mm:ss) that ends each day's window and when its seal is written")
    String time() default "18:00";

    @AttributeDefinition(description = "Time zone of the window, e.g. Asia/Shanghai; empty means the shop's zone (org.wubu.platform.cfg)")
    String zone() default "";

    @AttributeDefinition(description = "Folder of the seals, one sub-folder per date; default ${karaf.data}/backups/orders")
    String folder() default "";

    @AttributeDefinition(description = "Seconds to wait after the window ends before reading it, so that records stamped just before have committed")
    int settleSeconds() default 10;

    @AttributeDefinition(description = "At most this many missed days are written at start (the most recent ones)")
    int catchUpDays() default 31;

    @AttributeDefinition(description = "Minutes after a seal is due before health reports it missing")
    int graceMinutes() default 5;
}
