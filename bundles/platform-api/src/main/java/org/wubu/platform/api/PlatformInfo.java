package org.wubu.platform.api;

import java.util.Currency;
import org.osgi.annotation.versioning.ProviderType;

/** Facts about this installation that every area may need: its name, mode, currency and build. */
@ProviderType
public interface PlatformInfo {

    /** How the platform was started. Only {@link Mode#DEMO} loads demo data and demo accounts. */
    enum Mode { DEMO, PRODUCTION }

    Mode mode();

    /** The shop's display name, e.g. 五步商城. */
    String shopName();

    Currency currency();

    /** The platform's build version, e.g. {@code 0.1.0.SNAPSHOT}. */
    String version();

    default boolean isDemo() {
        return mode() == Mode.DEMO;
    }
}
