package org.wubu.orders.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Wubu orders", description = "Order intake (etc/org.wubu.orders.cfg; defaults apply without the file)")
@interface OrdersConfig {

    @AttributeDefinition(name = "Most lines per order", min = "1", max = "200")
    int maxLines() default 100;

    @AttributeDefinition(name = "Demo orders", description = "How many demo orders demo mode places (once)", min = "0", max = "50")
    int demoOrders() default 6;
}
