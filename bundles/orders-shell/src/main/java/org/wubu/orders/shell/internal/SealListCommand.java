package org.wubu.orders.shell.internal;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.wubu.orders.api.seal.DailySeal;
import org.wubu.orders.api.seal.OrderSeals;
import org.wubu.platform.api.CallerResolver;

@Service
@Command(scope = "orders", name = "seal-list", description = "Lists the sealed daily order records (ORD-4), newest first")
public class SealListCommand implements Action {

    @Option(name = "-n", aliases = "--limit", description = "How many days")
    int limit = 31;

    @Reference
    OrderSeals seals;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        List<DailySeal> all = seals.list(callers.resolveCurrent());
        ShellTable table = new ShellTable();
        table.column("Date");
        table.column("Window (to)");
        table.column("Records").alignRight();
        table.column("Orders").alignRight();
        table.column("Record ids");
        table.column("Chain head").alignRight();
        table.column("SHA-256 of records.jsonl");
        table.column("Sealed at");
        table.column("Trigger");
        for (DailySeal s : all.subList(0, Math.min(Math.max(1, limit), all.size()))) {
            ZoneId zone = ZoneId.of(s.zone());
            table.addRow().addContent(s.date(), s.to().atZone(zone).toOffsetDateTime(), s.records(), s.orders(),
                    s.firstRecordId() == null ? "-" : s.firstRecordId() + ".." + s.lastRecordId(),
                    s.chainHead() == null ? "-" : s.chainHead().sequence(), s.sha256().substring(0, 16) + "...",
                    s.sealedAt().atZone(zone).toLocalDateTime().withNano(0), s.trigger());
        }
        table.print(out);
        if (all.isEmpty()) {
            out.println("No daily order record is sealed yet (the first is written at the configured time, 18:00 by default).");
        } else if (all.size() > limit) {
            out.println("(" + (all.size() - limit) + " older days; use -n to see more)");
        }
    }
}
