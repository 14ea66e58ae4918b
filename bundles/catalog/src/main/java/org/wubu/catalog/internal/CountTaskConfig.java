package org.wubu.catalog.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Wubu stock counts",
        description = "How often a stock count task is generated (CAT-5). See etc/org.wubu.catalog.counts.cfg.")
@interface CountTaskConfig {

    @AttributeDefinition(description = "Generate a count task when the last one is this many days old (1 or more)")
    int intervalDays() default 2;

    @AttributeDefinition(description = "Count only this category and its sub-categories (e.g. tea); empty counts every product")
    String category() default "";

    @AttributeDefinition(description = "Generate tasks at all")
    boolean enabled() default true;

    @AttributeDefinition(description = "Look for a due task at least this often, in minutes (also just after midnight, shop time)")
    int checkMinutes() default 60;
}
