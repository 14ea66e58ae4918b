package org.wubu.catalog.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.wubu.catalog.api.counts.CountTask;
import org.wubu.catalog.api.counts.CountTaskStatus;
import org.wubu.catalog.api.counts.StockCountService;
import org.wubu.platform.api.CallerResolver;

@Service
@Command(scope = "catalog", name = "counts", description = "Lists stock count tasks, newest first, with due / overdue and how far counting got")
public class CountsCommand implements Action {

    @Option(name = "-s", aliases = "--status", description = "Only tasks in this status: open or done")
    String status;

    @Option(name = "-n", aliases = "--limit", description = "How many tasks (1-" + StockCountService.MAX_TASKS + ")")
    int limit = 20;

    @Reference
    StockCountService counts;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        List<CountTask> tasks = counts.tasks(callers.resolveCurrent(), status(status), null,
                Math.max(1, Math.min(limit, StockCountService.MAX_TASKS)));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Due");
        table.column("Category");
        table.column("Status");
        table.column("Lines").alignRight();
        table.column("Counted").alignRight();
        table.column("Not counted").alignRight();
        table.column("Adjusted").alignRight();
        table.column("Completed by");
        for (CountTask t : tasks) {
            String state = t.overdue() ? "OVERDUE" : t.due() ? "DUE" : t.status().name().toLowerCase(Locale.ROOT);
            table.addRow().addContent(t.id(), t.dueDate(), t.category() == null ? "(all)" : t.category(), state, t.lines(),
                    t.counted(), t.notCounted(), t.adjusted(), t.completedBy() == null ? "" : t.completedBy());
        }
        table.print(out);
        if (tasks.isEmpty()) {
            out.println("(no count tasks)");
        }
    }

    static CountTaskStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return CountTaskStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be open or done (got '" + s + "')");
        }
    }
}
