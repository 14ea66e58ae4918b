package org.wubu.platform.api.audit;

import java.util.List;

/** A page of audit entries, newest first, and the cursor of the next (older) page or null at the end. */
public record AuditPage(List<AuditEntry> items, Long nextBefore) {

    public AuditPage {
        items = List.copyOf(items);
    }
}
