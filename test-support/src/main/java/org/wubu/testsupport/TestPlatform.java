package org.wubu.testsupport;

import java.util.Currency;
import org.wubu.platform.api.PlatformInfo;

/** Platform facts for tests: 五步商城, CNY, demo or production. */
public record TestPlatform(Mode mode) implements PlatformInfo {

    public static final TestPlatform PRODUCTION = new TestPlatform(Mode.PRODUCTION);
    public static final TestPlatform DEMO = new TestPlatform(Mode.DEMO);

    @Override
    public String shopName() {
        return "五步商城";
    }

    @Override
    public Currency currency() {
        return Currency.getInstance("CNY");
    }

    @Override
    public String version() {
        return "test";
    }
}
