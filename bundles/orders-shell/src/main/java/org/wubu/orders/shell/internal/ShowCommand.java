package org.wubu.orders.shell.internal;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderLine;
import org.wubu.orders.api.OrderNote;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;

@Service
@Command(scope = "orders", name = "show", description = "Shows an order: notes first, then header, lines and its timeline of records")
public class ShowCommand implements Action {

    @Argument(index = 0, name = "id", description = "The order's number", required = true)
    long id;

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
        Caller caller = callers.resolveCurrent();
        Order o = orders.find(caller, id).orElseThrow(() -> new NotFoundException("order", Long.toString(id)));
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.zone());
        out.println("Order " + o.id() + " — " + o.status().state() + (o.status().paymentFlagged() ? " — PAYMENT FLAGGED" : "")
                + (o.status().confirmationOverdue() ? " — CONFIRMATION OVERDUE" : ""));
        for (OrderNote n : o.status().notes()) {
            out.println("  NOTE (" + n.actor() + ", " + time.format(n.at()) + "): " + n.text());
        }
        out.println("Customer: " + o.customer().name() + ", " + o.customer().phone());
        out.println("Address:  " + o.address());
        out.println("Payment:  " + o.payment().method() + " " + o.payment().amount() + " " + o.payment().transactionRef());
        out.println("Created:  " + time.format(o.createdAt()) + " by " + o.createdBy() + " from " + o.source());
        ShellTable lines = new ShellTable();
        lines.column("#").alignRight();
        lines.column("SKU");
        lines.column("Title").maxSize(40);
        lines.column("Qty").alignRight();
        lines.column("Unit price").alignRight();
        lines.column("Line total").alignRight();
        for (OrderLine l : o.lines()) {
            lines.addRow().addContent(l.lineNo(), l.sku(), l.titleZh(), l.quantity(), l.unitPrice().amount().toPlainString(),
                    l.lineTotal().amount().toPlainString());
        }
        lines.print(out);
        out.println("Total: " + o.total());
        ShellTable records = new ShellTable();
        records.column("Record").alignRight();
        records.column("Seq").alignRight();
        records.column("Time (" + clock.zone() + ")");
        records.column("Kind");
        records.column("Who");
        records.column("Payload").maxSize(60);
        for (OrderRecord r : orders.records(caller, id)) {
            records.addRow().addContent(r.id(), r.sequence(), time.format(r.occurredAt()), r.kind().name(), r.actor(),
                    r.corrects() == null ? r.payload() : "corrects " + r.corrects() + ": " + r.payload());
        }
        records.print(out);
    }
}
