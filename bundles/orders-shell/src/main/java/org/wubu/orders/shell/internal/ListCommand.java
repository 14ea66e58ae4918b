package org.wubu.orders.shell.internal;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.wubu.orders.api.OrderPage;
import org.wubu.orders.api.OrderQuery;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.OrderState;
import org.wubu.orders.api.OrderSummary;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.ShopClock;

@Service
@Command(scope = "orders", name = "list", description = "Lists orders, newest first, with their state")
public class ListCommand implements Action {

    @Option(name = "-s", aliases = "--state", description = "Only orders in this state (new, accepted, confirmed, packed, shipped, ...)")
    String state;

    @Option(name = "-n", aliases = "--limit", description = "How many (1-200, default 20)")
    int limit = 20;

    @Reference
    OrderService orders;

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
        OrderState s = state == null ? null : OrderState.valueOf(state.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        OrderPage page = orders.list(callers.resolveCurrent(), new OrderQuery(s, null, Math.max(1, Math.min(limit, OrderQuery.MAX_LIMIT))));
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.zone());
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Created (" + clock.zone() + ")");
        table.column("State");
        table.column("Customer").maxSize(24);
        table.column("Total").alignRight();
        table.column("Lines").alignRight();
        table.column("Flags");
        for (OrderSummary o : page.items()) {
            String flags = (o.confirmationOverdue() ? "overdue " : "") + (o.paymentFlagged() ? "payment-flagged " : "")
                    + (o.hasNotes() ? "notes" : "");
            table.addRow().addContent(o.id(), time.format(o.createdAt()), o.state().name().toLowerCase(Locale.ROOT), o.customerName(),
                    o.total().amount().toPlainString() + " " + o.total().currency().getCurrencyCode(), o.lineCount(), flags.trim());
        }
        table.print(out);
        if (page.items().isEmpty()) {
            out.println("(no orders)");
        }
    }
}
