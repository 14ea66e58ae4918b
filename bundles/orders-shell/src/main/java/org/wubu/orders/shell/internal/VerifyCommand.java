package org.wubu.orders.shell.internal;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.wubu.orders.api.ChainReport;
import org.wubu.orders.api.OrderVerifier;
import org.wubu.platform.api.CallerResolver;

@Service
@Command(scope = "orders", name = "verify", description = "Recomputes the orders' hash chains (ORD-5): \"intact, N records\" or the first broken record")
public class VerifyCommand implements Action {

    @Reference
    OrderVerifier verifier;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        ChainReport r = verifier.verify(callers.resolveCurrent());
        out.println("Orders " + r.summary());
    }
}
