package org.wubu.approvals.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The engine's settings (etc/org.wubu.approvals.cfg). Besides the attributes below, per-kind keys
 * override what the owning area declares; they apply to requests submitted afterwards:
 * <pre>
 * chain.catalog.price-change = role:marketing-director, permission:catalog.price.approve
 * allowSameDecider.catalog.price-change = true
 * deadline.content.publish = 48h        (also 30m, 2d, PT48H; "none" removes the deadline)
 * </pre>
 */
@ObjectClassDefinition(name = "Wubu approvals",
        description = "Approval chains per kind: chain.<kind> = role:<role>, permission:<permission>, ...; "
                + "allowSameDecider.<kind> = true waives the four-eyes rule; deadline.<kind> = 48h. "
                + "See etc/org.wubu.approvals.cfg.")
@interface ApprovalsConfig {

    @AttributeDefinition(description = "Minutes before a failed apply is retried; doubles with each attempt, at most 6 hours")
    int retryMinutes() default 5;
}
