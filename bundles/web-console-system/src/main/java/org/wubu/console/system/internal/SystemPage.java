package org.wubu.console.system.internal;

import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.wubu.console.api.ConsolePage;

/** The System page: health checks and the Wubu bundles with state and version (from GET /api/health). */
@Component(service = ConsolePage.class)
public class SystemPage implements ConsolePage {

    /** Permission to see the page: IT administrators (monitoring.*) and readers of everything (*.read). */
    static final String PERMISSION = "monitoring.read";

    @Override
    public String id() {
        return "system";
    }

    @Override
    public String title(Locale locale) {
        return SystemTexts.of(locale).get("system.title");
    }

    @Override
    public String path() {
        return "/system";
    }

    @Override
    public String script() {
        return CONSOLE_PATH + SystemPageAssets.PATH + "/system.js";
    }

    @Override
    public String icon() {
        return "server";
    }

    @Override
    public String group() {
        return "admin";
    }

    @Override
    public int order() {
        return 510;
    }

    @Override
    public String permission() {
        return PERMISSION;
    }

    @Override
    public Map<String, String> messages(Locale locale) {
        return SystemTexts.of(locale);
    }
}
