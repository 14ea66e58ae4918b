package org.wubu.platform.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.chain.ChainVerification;

@Service
@Command(scope = "audit", name = "verify", description = "Checks the audit log's hash chain from the first entry")
public class AuditVerifyCommand implements Action {

    @Reference
    AuditService audit;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        ChainVerification v = audit.verify(callers.resolveCurrent());
        System.out.println("Audit log " + v.summary());
        return null;
    }
}
