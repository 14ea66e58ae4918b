package org.wubu.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Wubu backups",
        description = "Whole-database online backups (DB-1). See etc/org.wubu.backup.cfg.")
@interface BackupConfig {

    @AttributeDefinition(description = "Cron (minute hour day-of-month month day-of-week) in the shop's zone; empty disables")
    String schedule() default "0 3 * * SUN";

    @AttributeDefinition(description = "Take a backup at start when the last scheduled one was missed")
    boolean catchUp() default true;

    @AttributeDefinition(description = "Seconds a catch-up backup at start waits for the bundles whose folders the latest"
            + " backup held (the media store) to start")
    int catchUpWaitSeconds() default 120;

    @AttributeDefinition(description = "Folder of the backups; default ${karaf.data}/backups")
    String directory() default "";

    @AttributeDefinition(description = "Backups to keep; 0 keeps all")
    int keep() default 8;
}
