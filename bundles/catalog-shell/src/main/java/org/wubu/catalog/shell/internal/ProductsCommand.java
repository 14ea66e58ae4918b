package org.wubu.catalog.shell.internal;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductPage;
import org.wubu.catalog.api.ProductQuery;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.platform.api.CallerResolver;

@Service
@Command(scope = "catalog", name = "products", description = "Lists products by SKU with title, status, price and stock")
public class ProductsCommand implements Action {

    @Option(name = "-s", aliases = "--status", description = "Only products in this status: draft, pending_listing, listed, delisted")
    String status;

    @Option(name = "-q", aliases = "--query", description = "Only products whose SKU or a title contains this text")
    String text;

    @Option(name = "-n", aliases = "--limit", description = "How many products (1-" + ProductQuery.MAX_LIMIT + ")")
    int limit = 20;

    @Reference
    CatalogService catalog;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        ProductQuery query = new ProductQuery(status(status), text, null, Math.max(1, Math.min(limit, ProductQuery.MAX_LIMIT)));
        ProductPage page = catalog.list(callers.resolveCurrent(), query);
        ShellTable table = new ShellTable();
        table.column("SKU");
        table.column("Title (zh)").maxSize(40);
        table.column("Status");
        table.column("Price").alignRight();
        table.column("Stock").alignRight();
        for (Product p : page.items()) {
            table.addRow().addContent(p.sku(), p.titleZh(), p.status().name().toLowerCase(Locale.ROOT), p.price().toString(),
                    p.stock());
        }
        table.print(out);
        if (page.nextAfter() != null) {
            out.println("(more products; use -n to see more)");
        }
    }

    static ProductStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return ProductStatus.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be draft, pending_listing, listed or delisted (got '" + s + "')");
        }
    }
}
