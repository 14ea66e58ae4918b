package org.wubu.approvals.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;

/** Completes request ids for approvals:show: what waits for the caller, then the caller's newest requests. */
@Service
public class ApprovalIdCompleter implements Completer {

    @Reference
    ApprovalService approvals;

    @Reference
    CallerResolver callers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        try {
            Caller caller = callers.resolveCurrent();
            approvals.inbox(caller).forEach(r -> ids.getStrings().add(Long.toString(r.id())));
            approvals.mine(caller, null, 50).forEach(r -> ids.getStrings().add(Long.toString(r.id())));
        } catch (RuntimeException unavailable) {
            // no completion when the caller cannot be resolved
        }
        return ids.complete(session, commandLine, candidates);
    }
}
