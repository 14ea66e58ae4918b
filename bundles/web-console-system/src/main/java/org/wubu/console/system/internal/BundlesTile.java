package org.wubu.console.system.internal;

import java.util.Locale;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.wubu.console.api.DashboardTile;
import org.wubu.platform.api.Caller;

/** Dashboard tile "Wubu modules running: 12 / 12", for those who may see the System page. */
@Component(service = DashboardTile.class)
public class BundlesTile implements DashboardTile {

    private final BundleContext context;

    @Activate
    public BundlesTile(BundleContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "system.bundles";
    }

    @Override
    public String title(Locale locale) {
        return SystemTexts.of(locale).get("system.tile.bundles");
    }

    @Override
    public Optional<String> value(Caller caller, Locale locale) {
        int all = 0;
        int active = 0;
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name != null && name.startsWith("org.wubu.")) {
                all++;
                if (b.getState() == Bundle.ACTIVE) {
                    active++;
                }
            }
        }
        return Optional.of(active + " / " + all);
    }

    @Override
    public String link() {
        return "/system";
    }

    @Override
    public String permission() {
        return SystemPage.PERMISSION;
    }

    @Override
    public int order() {
        return 900;
    }
}
