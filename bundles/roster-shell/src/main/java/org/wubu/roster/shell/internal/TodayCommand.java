package org.wubu.roster.shell.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.ShopClock;
import org.wubu.roster.api.DutyRoster;
import org.wubu.roster.api.DutyShift;

@Service
@Command(scope = "roster", name = "today", description = "Today's duty roster (shop time), who is on duty now and whether online service is open")
public class TodayCommand implements Action {

    @Option(name = "-d", aliases = "--day", description = "Another day, YYYY-MM-DD")
    String day;

    @Reference
    DutyRoster roster;

    @Reference
    CallerResolver callers;

    @Reference
    ShopClock clock;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    /** The --day option; a bad one is a one-line refusal in the console, not a parse exception. */
    static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--day must be a date as YYYY-MM-DD (got '" + text + "')");
        }
    }

    void print(PrintStream out) {
        LocalDate d = day == null ? clock.today() : day(day);
        List<DutyShift> shifts = roster.shifts(callers.resolveCurrent(), d, d);
        Instant now = clock.now();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(clock.zone());
        out.println("Duty roster " + d + " (" + clock.zone() + "); online service " + roster.serviceHours().opens() + "–"
                + roster.serviceHours().closes() + ", now " + (roster.onlineServiceOpen(now) ? "OPEN" : "CLOSED"));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("From");
        table.column("To");
        table.column("Role");
        table.column("Who");
        table.column("Where");
        table.column("Now");
        table.column("Note").maxSize(40);
        for (DutyShift s : shifts) {
            table.addRow().addContent(s.id(), time.format(s.start()), time.format(s.end()), s.role(), s.username(), s.location(),
                    s.covers(now) ? "on duty" : "", s.note() == null ? "" : s.note());
        }
        table.print(out);
        if (shifts.isEmpty()) {
            out.println("(nobody on the roster that day)");
        }
    }
}
