package org.wubu.platform.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.ShopClock;

/**
 * The shop's settings and clock. A bad value in etc/org.wubu.platform.cfg is logged and replaced
 * by the default, so that a typo in a zone name cannot stop the whole platform.
 */
@Component(service = {ShopClock.class, PlatformInfo.class}, configurationPid = "org.wubu.platform")
@Designate(ocd = PlatformConfig.class)
public class PlatformSettings implements ShopClock, PlatformInfo {

    /** System property that overrides the configured mode; the README's run command sets it to demo. */
    static final String MODE_PROPERTY = "wubu.mode";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformSettings.class);

    private final Mode mode;
    private final String shopName;
    private final ZoneId zone;
    private final Currency currency;
    private final String version;

    @Activate
    public PlatformSettings(PlatformConfig config, BundleContext context) {
        this(config, System.getProperty(MODE_PROPERTY), context.getBundle().getVersion().toString());
    }

    PlatformSettings(PlatformConfig config, String modeOverride, String version) {
        this.mode = parseMode(modeOverride != null && !modeOverride.isBlank() ? modeOverride : config.mode());
        this.shopName = config.shopName();
        this.zone = parseZone(config.zone());
        this.currency = parseCurrency(config.currency());
        this.version = version;
        LOG.info("Wubu {} for {} in {} mode, zone {}, currency {}", version, shopName, mode, zone, currency);
    }

    private static Mode parseMode(String s) {
        try {
            return Mode.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.error("mode '{}' is neither production nor demo; using production", s);
            return Mode.PRODUCTION;
        }
    }

    private static ZoneId parseZone(String s) {
        try {
            return ZoneId.of(s.trim());
        } catch (DateTimeException e) {
            LOG.error("zone '{}' is not a time zone ({}); using Asia/Shanghai", s, e.getMessage());
            return ZoneId.of("Asia/Shanghai");
        }
    }

    private static Currency parseCurrency(String s) {
        try {
            return Currency.getInstance(s.trim());
        } catch (IllegalArgumentException e) {
            LOG.error("currency '{}' is not an ISO 4217 code; using CNY", s);
            return Currency.getInstance("CNY");
        }
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public String shopName() {
        return shopName;
    }

    @Override
    public Currency currency() {
        return currency;
    }

    @Override
    public String version() {
        return version;
    }
}
