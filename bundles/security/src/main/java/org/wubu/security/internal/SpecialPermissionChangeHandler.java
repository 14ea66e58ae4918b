package org.wubu.security.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.security.api.AccountService;

/** Special permissions (dba level, GM, IT, finance, executive roles): also the GM approves. */
@Component(service = ApprovalHandler.class, property = ApprovalHandler.KIND + "=" + PermissionChangeApprovals.SPECIAL_KIND)
public class SpecialPermissionChangeHandler extends PermissionChangeApprovals {

    @Activate
    public SpecialPermissionChangeHandler(@Reference AccountService accounts) {
        super(accounts, true);
    }
}
