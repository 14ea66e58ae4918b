package org.wubu.security.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.security.api.AccountService;

/** Ordinary permission changes: the marketing director, then the IT administrator. */
@Component(service = ApprovalHandler.class, property = ApprovalHandler.KIND + "=" + PermissionChangeApprovals.KIND)
public class PermissionChangeHandler extends PermissionChangeApprovals {

    @Activate
    public PermissionChangeHandler(@Reference AccountService accounts) {
        super(accounts, false);
    }
}
