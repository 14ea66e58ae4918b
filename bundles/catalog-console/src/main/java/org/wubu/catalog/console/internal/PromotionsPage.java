package org.wubu.catalog.console.internal;

import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.catalog.api.CatalogService;
import org.wubu.console.api.ConsolePage;

/**
 * Promotions (CAT-4): the list by status, the planner's proposal (percent off or a fixed price on SKUs and/or
 * categories, a window in shop time; an overlap is refused and shown), the content specialist's apply, and cancelling.
 */
// Referenced only so that the page is in the menu exactly while the catalog runs (its REST API with it).
@Component(service = ConsolePage.class, reference = @Reference(name = "catalog", service = CatalogService.class))
public class PromotionsPage implements ConsolePage {

    static final String PATH = "/catalog/promotions";

    @Override
    public String id() {
        return "catalog.promotions";
    }

    @Override
    public String title(Locale locale) {
        return CatalogTexts.of(locale).get("catalog.promotions.title");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String script() {
        return CONSOLE_PATH + CatalogPageAssets.PATH + "/promotions.js";
    }

    @Override
    public String icon() {
        return "cart";
    }

    @Override
    public String group() {
        return "work";
    }

    @Override
    public int order() {
        return 120;
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
