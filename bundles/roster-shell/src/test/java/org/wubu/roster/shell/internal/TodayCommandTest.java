package org.wubu.roster.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.Test;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;
import org.wubu.platform.api.ShopClock;
import org.wubu.roster.api.DutyRoster;
import org.wubu.roster.api.DutyShift;
import org.wubu.roster.api.ServiceHours;

public class TodayCommandTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Caller AGENT = new Caller("agent", Set.of("cs-agent"), Set.of(DutyRoster.READ));
    /** 2026-11-27 10:00 in Shanghai: inside the manager's day shift and the service hours. */
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    private final List<Object[]> asked = new ArrayList<>();

    private TodayCommand command(List<DutyShift> shifts) {
        TodayCommand c = new TodayCommand();
        c.roster = (DutyRoster) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DutyRoster.class}, (p, m, a) -> {
            switch (m.getName()) {
                case "shifts":
                    asked.add(a);
                    return shifts;
                case "serviceHours":
                    return new ServiceHours(LocalTime.of(8, 30), LocalTime.of(21, 0), SHANGHAI);
                case "onlineServiceOpen":
                    return new ServiceHours(LocalTime.of(8, 30), LocalTime.of(21, 0), SHANGHAI).open((Instant) a[0]);
                default:
                    throw new UnsupportedOperationException(m.getName());
            }
        });
        c.callers = (CallerResolver) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CallerResolver.class},
                (p, m, a) -> AGENT);
        c.clock = new ShopClock() {
            @Override
            public Instant now() {
                return NOW;
            }

            @Override
            public ZoneId zone() {
                return SHANGHAI;
            }
        };
        return c;
    }

    private static String print(TodayCommand c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void todayListsTheShiftsInShopTimeAndMarksWhoIsOnDutyNow() {
        DutyShift day = new DutyShift(7, "csmanager", "cs-manager", "Shanghai office", Instant.parse("2026-11-27T00:30:00Z"),
                Instant.parse("2026-11-27T13:00:00Z"), "day shift", "lead", NOW);
        DutyShift evening = new DutyShift(8, "agent", "cs-agent", "remote", Instant.parse("2026-11-27T13:00:00Z"),
                Instant.parse("2026-11-27T16:00:00Z"), null, "lead", NOW);
        String out = print(command(List.of(day, evening)));
        String[] lines = out.split("\n");
        assertTrue(out, lines[0].contains("Duty roster 2026-11-27 (Asia/Shanghai)") && lines[0].contains("08:30–21:00")
                && lines[0].contains("now OPEN"));
        assertTrue(out, lines[3].contains("11-27 08:30") && lines[3].contains("11-27 21:00") && lines[3].contains("csmanager")
                && lines[3].contains("on duty") && lines[3].contains("day shift"));
        assertTrue(out, lines[4].contains("11-27 21:00") && lines[4].contains("11-28 00:00") && lines[4].contains("agent")
                && !lines[4].contains("on duty"));
        assertEquals(AGENT, asked.get(0)[0]);
        assertEquals(LocalDate.of(2026, 11, 27), asked.get(0)[1]);
        assertEquals(LocalDate.of(2026, 11, 27), asked.get(0)[2]);
    }

    @Test
    public void anotherDayIsAskedForAndAnEmptyDaySaysSo() {
        TodayCommand c = command(List.of());
        c.day = " 2026-11-28 ";
        String out = print(c);
        assertTrue(out, out.contains("Duty roster 2026-11-28") && out.contains("(nobody on the roster that day)"));
        assertEquals(LocalDate.of(2026, 11, 28), asked.get(0)[1]);
    }

    @Test
    public void aBadDayIsRefusedWithTheFormat() {
        TodayCommand c = command(List.of());
        c.day = "28.11.2026";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> print(c));
        assertEquals("--day must be a date as YYYY-MM-DD (got '28.11.2026')", e.getMessage());
        assertTrue(asked.isEmpty());
    }
}
