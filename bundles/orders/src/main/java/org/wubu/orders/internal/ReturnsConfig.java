package org.wubu.orders.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Wubu returns, exchanges and gifts",
        description = "ORD-9: what a CS agent may grant alone (etc/org.wubu.orders.returns.cfg; defaults apply without the file)")
@interface ReturnsConfig {

    @AttributeDefinition(name = "Agent's limit", description = "Refunds above it need the CS manager's approval; exchanges and "
            + "gifts above it are for those with orders.limit.exceed (the CS manager). In the shop's currency, e.g. 200.00")
    String agentLimit() default "200.00";
}
