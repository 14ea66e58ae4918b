package org.wubu.platform.api.backup;

import java.util.List;

/** The outcome of checking a backup against its manifest: ok, or every problem found. */
public record BackupVerification(String name, boolean ok, List<String> problems) {

    public BackupVerification {
        problems = List.copyOf(problems);
    }

    public String summary() {
        return ok ? name + ": ok" : name + ": " + String.join("; ", problems);
    }
}
