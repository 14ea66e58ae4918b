package org.wubu.catalog.console.internal;

import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.catalog.api.CatalogService;
import org.wubu.console.api.ConsolePage;

/**
 * Stock counts (CAT-5): the count tasks with DUE / OVERDUE badges and, at {@code /console/catalog/counts/{id}}, a task's
 * lines where the warehouse enters what it counted (or why a product was not counted) and completes the task.
 */
// Referenced only so that the page is in the menu exactly while the catalog runs (its REST API with it).
@Component(service = ConsolePage.class, reference = @Reference(name = "catalog", service = CatalogService.class))
public class CountsPage implements ConsolePage {

    static final String PATH = "/catalog/counts";

    @Override
    public String id() {
        return "catalog.counts";
    }

    @Override
    public String title(Locale locale) {
        return CatalogTexts.of(locale).get("catalog.counts.title");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String script() {
        return CONSOLE_PATH + CatalogPageAssets.PATH + "/counts.js";
    }

    @Override
    public String icon() {
        return "log";
    }

    @Override
    public String group() {
        return "work";
    }

    @Override
    public int order() {
        return 130;
    }

    // Reading is enough to see the page; its actions show by their own permissions, the REST API checks them.
    @Override
    public String permission() {
        return CatalogService.READ;
    }

    @Override
    public Map<String, String> messages(Locale locale) {
        return CatalogTexts.of(locale);
    }
}
