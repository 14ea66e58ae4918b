package org.wubu.catalog.shell.internal;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.StockMovement;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;

@Service
@Command(scope = "catalog", name = "stock", description = "Shows a product's stock and its last 20 stock movements")
public class StockCommand implements Action {

    static final int MOVEMENTS = 20;

    @Argument(index = 0, name = "sku", description = "The product's SKU", required = true)
    String sku;

    @Reference
    CatalogService catalog;

    @Reference
    CallerResolver callers;

    @Reference
    ShopClock clock;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        Caller caller = callers.resolveCurrent();
        Product p = catalog.find(caller, sku).orElseThrow(() -> new NotFoundException("product", sku));
        out.println(p.sku() + " " + p.titleZh() + " / " + p.titleEn());
        out.println("Stock: " + p.stock() + " (" + p.status().name().toLowerCase(Locale.ROOT)
                + (p.delistReason() == null ? "" : ", delisted: " + p.delistReason()) + ")");
        List<StockMovement> movements = catalog.movements(caller, sku, null, MOVEMENTS);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.zone());
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Time (" + clock.zone() + ")");
        table.column("Kind");
        table.column("Quantity").alignRight();
        table.column("Change").alignRight();
        table.column("Stock after").alignRight();
        table.column("Who");
        table.column("Why").maxSize(40);
        for (StockMovement m : movements) {
            table.addRow().addContent(m.id(), time.format(m.time()), m.kind().name().toLowerCase(Locale.ROOT), m.quantity(),
                    m.change(), m.stockAfter(), m.who(), m.why());
        }
        table.print(out);
        if (movements.isEmpty()) {
            out.println("(no stock movements)");
        }
    }
}
