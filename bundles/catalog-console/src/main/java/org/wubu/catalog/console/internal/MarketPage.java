package org.wubu.catalog.console.internal;

import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.catalog.api.CatalogService;
import org.wubu.console.api.ConsolePage;

/**
 * Market watch (CAT-8): the planner records competitor prices; the weekly summary (best-sellers and price gaps of an
 * ISO week in the shop's zone) with its CSV downloads in Chinese and English.
 */
// Referenced only so that the page is in the menu exactly while the catalog runs (its REST API with it).
@Component(service = ConsolePage.class, reference = @Reference(name = "catalog", service = CatalogService.class))
public class MarketPage implements ConsolePage {

    static final String PATH = "/catalog/market";

    @Override
    public String id() {
        return "catalog.market";
    }

    @Override
    public String title(Locale locale) {
        return CatalogTexts.of(locale).get("catalog.market.title");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String script() {
        return CONSOLE_PATH + CatalogPageAssets.PATH + "/market.js";
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
        return 140;
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
