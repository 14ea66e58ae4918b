package org.wubu.catalog.console.internal;

import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.catalog.api.CatalogService;
import org.wubu.console.api.ConsolePage;

/**
 * Products: the list (search, status filter, keyset pages) and, below {@code /catalog/products/{sku}}, the
 * product page with its texts, price, price history, price proposals, stock ledger and the actions the
 * member of staff may take (edit texts, propose or apply a price, request listing or delisting, record a
 * stock movement). Every action is checked again by the catalog's REST API.
 */
// Referenced only so that the page is in the menu exactly while the catalog runs (its REST API with it).
@Component(service = ConsolePage.class, reference = @Reference(name = "catalog", service = CatalogService.class))
public class ProductsPage implements ConsolePage {

    static final String PATH = "/catalog/products";

    @Override
    public String id() {
        return "catalog.products";
    }

    @Override
    public String title(Locale locale) {
        return CatalogTexts.of(locale).get("catalog.products.title");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String script() {
        return CONSOLE_PATH + CatalogPageAssets.PATH + "/products.js";
    }

    @Override
    public String icon() {
        return "box";
    }

    @Override
    public String group() {
        return "work";
    }

    @Override
    public int order() {
        return 100;
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
