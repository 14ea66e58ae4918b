package org.wubu.catalog.console.internal;

import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.catalog.api.CatalogService;
import org.wubu.console.api.ConsolePage;

/**
 * Price changes (CAT-1) across the catalog: approved ones waiting for the content specialist to apply
 * them (the default view), pending, applied and rejected ones, each with its competitor evidence.
 */
// Referenced only so that the page is in the menu exactly while the catalog runs (its REST API with it).
@Component(service = ConsolePage.class, reference = @Reference(name = "catalog", service = CatalogService.class))
public class PriceChangesPage implements ConsolePage {

    static final String PATH = "/catalog/price-changes";

    @Override
    public String id() {
        return "catalog.prices";
    }

    @Override
    public String title(Locale locale) {
        return CatalogTexts.of(locale).get("catalog.prices.title");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String script() {
        return CONSOLE_PATH + CatalogPageAssets.PATH + "/prices.js";
    }

    @Override
    public String icon() {
        return "chart";
    }

    @Override
    public String group() {
        return "work";
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    public String permission() {
        return CatalogService.READ;
    }

    @Override
    public Map<String, String> messages(Locale locale) {
        return CatalogTexts.of(locale);
    }
}
