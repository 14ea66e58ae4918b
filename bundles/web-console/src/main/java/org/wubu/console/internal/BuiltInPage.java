package org.wubu.console.internal;

import java.util.Locale;
import org.wubu.console.api.ConsolePage;

/**
 * A platform page the shell bundle offers itself; its module is {@code console-assets/pages/<id>.js}
 * and its menu title the message {@code page.<id>.title}. Each subclass is one DS component, so the
 * pages are ordinary {@link ConsolePage} services like any area's.
 */
abstract class BuiltInPage implements ConsolePage {

    private static final Messages MESSAGES = Messages.load();

    private final String id;
    private final String path;
    private final String icon;
    private final String group;
    private final int order;
    private final String permission;

    BuiltInPage(String id, String path, String icon, String group, int order, String permission) {
        this.id = id;
        this.path = path;
        this.icon = icon;
        this.group = group;
        this.order = order;
        this.permission = permission;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title(Locale locale) {
        return MESSAGES.get(locale, "page." + id + ".title");
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String script() {
        return CONSOLE_PATH + "/assets/pages/" + id + ".js";
    }

    @Override
    public String icon() {
        return icon;
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public String permission() {
        return permission;
    }
}
