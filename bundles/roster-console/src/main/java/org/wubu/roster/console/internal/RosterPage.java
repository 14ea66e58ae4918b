package org.wubu.roster.console.internal;

import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.console.api.ConsolePage;
import org.wubu.roster.api.DutyRoster;

/** The duty roster (DUTY-1..3): a week of shifts, who is on duty now, and for managers assign and remove. */
// Referenced only so that the page is in the menu exactly while the roster runs (its REST API with it).
@Component(service = ConsolePage.class, reference = @Reference(name = "roster", service = DutyRoster.class))
public class RosterPage implements ConsolePage {

    @Override
    public String id() {
        return "roster";
    }

    @Override
    public String title(Locale locale) {
        return RosterTexts.of(locale).get("roster.title");
    }

    @Override
    public String path() {
        return "/roster";
    }

    @Override
    public String script() {
        return CONSOLE_PATH + RosterPageAssets.PATH + "/roster.js";
    }

    @Override
    public String icon() {
        return "users";
    }

    @Override
    public String group() {
        return "work";
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public String permission() {
        return DutyRoster.READ;
    }

    @Override
    public Map<String, String> messages(Locale locale) {
        return RosterTexts.of(locale);
    }
}
