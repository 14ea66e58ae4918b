package org.wubu.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Wubu platform", description = "The shop's name, mode, zone and currency. See etc/org.wubu.platform.cfg.")
@interface PlatformConfig {

    @AttributeDefinition(description = "production or demo; the system property wubu.mode wins over this")
    String mode() default "production";

    @AttributeDefinition(description = "The shop's name as staff see it")
    String shopName() default "五步商城";

    @AttributeDefinition(description = "The shop's time zone (IANA id)")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "The shop's currency (ISO 4217)")
    String currency() default "CNY";
}
