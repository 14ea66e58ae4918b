package org.wubu.approvals.shell.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.wubu.approvals.api.ApprovalDecision;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.approvals.api.ApprovalStep;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.ShopClock;

@Service
@Command(scope = "approvals", name = "show",
        description = "Shows an approval request: the change, its chain with every decision, and its state")
public class ApprovalShowCommand implements Action {

    @Argument(index = 0, name = "id", description = "The request's id (see approvals:list)", required = true)
    @Completion(ApprovalIdCompleter.class)
    long id;

    @Option(name = "-l", aliases = "--lang", description = "Language of labels and of the change's description: en or zh")
    @Completion(value = StringsCompleter.class, values = {"en", "zh"})
    String lang = "en";

    @Reference
    ApprovalService approvals;

    @Reference
    CallerResolver callers;

    @Reference
    ShopClock clock;

    @Override
    public Object execute() {
        Caller caller = callers.resolveCurrent();
        Locale locale = lang != null && lang.trim().toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        ApprovalRequest r = approvals.get(caller, id);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx").withZone(clock.zone());
        String title = approvals.kinds().stream().filter(k -> k.id().equals(r.kind())).findFirst()
                .map(k -> k.title(locale)).orElse(null);
        System.out.println("Request #" + r.id() + "  " + r.kind() + (title == null ? "" : " (" + title + ")"));
        line("Subject", r.subject());
        line("Summary", r.summary());
        line("Requested", r.requester() + " at " + time.format(r.createdAt()));
        line("State", r.state() + r.pendingStep().map(s -> ", waiting for step " + (r.currentStep() + 1) + "/"
                + r.chain().size() + " (" + s.spec() + ")").orElse(""));
        if (r.approvedAt() != null) {
            line("Approved", time.format(r.approvedAt()));
        }
        if (r.dueAt() != null) {
            line("Due", time.format(r.dueAt()) + (r.overdueAt(clock.now()) ? "  OVERDUE" : ""));
        }
        if (r.appliedAt() != null) {
            line("Applied", time.format(r.appliedAt()));
        }
        if (r.applyError() != null) {
            line("Apply error", r.applyError() + " (retried automatically)");
        }
        if (r.allowSameDecider()) {
            line("Four eyes", "waived by configuration for this kind");
        }
        System.out.println();
        ShellTable table = new ShellTable();
        table.column("Step").alignRight();
        table.column("Decided by");
        table.column("Label");
        table.column("Decision");
        table.column("Decider");
        table.column("At");
        table.column("Comment").maxSize(50);
        for (int i = 0; i < r.chain().size(); i++) {
            ApprovalStep s = r.chain().get(i);
            ApprovalDecision d = r.decisionOf(i).orElse(null);
            String decision = d != null ? d.decision().name() : r.pendingStep().isPresent() && r.currentStep() == i ? "waiting" : "";
            table.addRow().addContent(i + 1, s.spec(), s.label(locale), decision, d == null ? "" : d.decider(),
                    d == null ? "" : time.format(d.decidedAt()), d == null || d.comment() == null ? "" : d.comment());
        }
        table.print(System.out);
        System.out.println();
        System.out.println("Change:");
        String rendered = approvals.render(caller, id, locale).orElse(null);
        if (rendered != null) {
            rendered.lines().forEach(l -> System.out.println("  " + l));
        } else {
            System.out.println("  (the module of " + r.kind() + " is not running; raw payload follows)");
            System.out.println("  " + r.payload());
        }
        return null;
    }

    private static void line(String label, String value) {
        System.out.printf("%-12s %s%n", label + ":", value);
    }
}
