package org.wubu.orders.shell.internal;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.wubu.orders.api.seal.OrderSeals;
import org.wubu.orders.api.seal.SealVerification;
import org.wubu.platform.api.CallerResolver;

@Service
@Command(scope = "orders", name = "seal-verify",
        description = "Checks a sealed daily order record against the database: files, counts, every record and its hash")
public class SealVerifyCommand implements Action {

    @Argument(index = 0, name = "date", required = true, description = "The day, yyyy-MM-dd (see orders:seal-list)")
    @Completion(SealDateCompleter.class)
    String date;

    @Reference
    OrderSeals seals;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        LocalDate day;
        try {
            day = LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the date must be yyyy-MM-dd, e.g. 2026-11-27 (got '" + date + "')");
        }
        SealVerification v = seals.verify(callers.resolveCurrent(), day);
        out.println(v.summary());
        if (!v.ok()) {
            v.problems().forEach(p -> out.println("  - " + p));
        }
    }
}
