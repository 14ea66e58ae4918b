package org.wubu.approvals.shell.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.ShopClock;

@Service
@Command(scope = "approvals", name = "list",
        description = "Lists approval requests: those waiting for your decision (default), your own, or the overdue ones")
public class ApprovalListCommand implements Action {

    @Option(name = "--inbox", description = "Requests waiting for your decision, oldest first (the default)")
    boolean inbox;

    @Option(name = "--mine", description = "Requests you submitted, newest first")
    boolean mine;

    @Option(name = "--overdue", description = "Approved requests not applied by their due time")
    boolean overdue;

    @Option(name = "-n", aliases = "--limit", description = "How many of your requests to show with --mine (1-200)")
    int limit = 20;

    @Reference
    ApprovalService approvals;

    @Reference
    CallerResolver callers;

    @Reference
    ShopClock clock;

    @Override
    public Object execute() {
        int chosen = (inbox ? 1 : 0) + (mine ? 1 : 0) + (overdue ? 1 : 0);
        if (chosen > 1) {
            System.err.println("Choose one of --inbox, --mine and --overdue.");
            return null;
        }
        Caller caller = callers.resolveCurrent();
        List<ApprovalRequest> requests;
        String empty;
        if (mine) {
            requests = approvals.mine(caller, null, limit);
            empty = "You have submitted no approval requests.";
        } else if (overdue) {
            requests = approvals.overdue(caller);
            empty = "No approved request is overdue.";
        } else {
            requests = approvals.inbox(caller);
            empty = "Nothing waits for your decision.";
        }
        if (requests.isEmpty()) {
            System.out.println(empty);
            return null;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.zone());
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Kind");
        table.column("Subject").maxSize(30);
        table.column("Summary").maxSize(50);
        table.column("Requester");
        table.column("State");
        table.column("Waiting for");
        table.column("Created (" + clock.zone() + ")");
        table.column("Due");
        for (ApprovalRequest r : requests) {
            String waiting = r.pendingStep().map(s -> (r.currentStep() + 1) + "/" + r.chain().size() + " " + s.spec()).orElse("");
            table.addRow().addContent(r.id(), r.kind(), r.subject(), r.summary(), r.requester(), r.state(), waiting,
                    time.format(r.createdAt()), r.dueAt() == null ? "" : time.format(r.dueAt())
                            + (r.overdueAt(clock.now()) ? " OVERDUE" : ""));
        }
        table.print(System.out);
        if (mine && requests.size() == limit) {
            System.out.println("(more requests; use -n to see more)");
        }
        return null;
    }
}
