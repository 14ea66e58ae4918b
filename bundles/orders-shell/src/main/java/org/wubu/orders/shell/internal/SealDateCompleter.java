package org.wubu.orders.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.wubu.orders.api.seal.OrderSeals;
import org.wubu.platform.api.CallerResolver;

/** Completes the dates of the sealed daily order records. */
@Service
public class SealDateCompleter implements Completer {

    @Reference
    OrderSeals seals;

    @Reference
    CallerResolver callers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter dates = new StringsCompleter();
        try {
            seals.list(callers.resolveCurrent()).forEach(s -> dates.getStrings().add(s.date().toString()));
        } catch (RuntimeException e) {
            // No permission or no seals: nothing to offer.
        }
        return dates.complete(session, commandLine, candidates);
    }
}
