package org.wubu.catalog.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.Test;
import org.wubu.catalog.api.counts.CountTask;
import org.wubu.catalog.api.counts.CountTaskStatus;
import org.wubu.catalog.api.counts.StockCountService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.CallerResolver;

public class CountsCommandTest {

    private static final Caller WAREHOUSE = new Caller("warehouse", Set.of(), Set.of("catalog.read"));
    private static final Instant T = Instant.parse("2026-11-27T02:00:00Z");

    @Test
    public void countsShowsDueOverdueAndDoneTasks() {
        List<Object[]> calls = new ArrayList<>();
        CountsCommand c = new CountsCommand();
        c.counts = (StockCountService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {StockCountService.class},
                (p, m, a) -> {
                    calls.add(a);
                    assertEquals("tasks", m.getName());
                    return List.of(
                            new CountTask(3, LocalDate.of(2026, 11, 27), null, CountTaskStatus.OPEN, true, false, 30, 4, 1, 2, T, null, null),
                            new CountTask(2, LocalDate.of(2026, 11, 25), "tea", CountTaskStatus.OPEN, false, true, 9, 0, 0, 0, T, null, null),
                            new CountTask(1, LocalDate.of(2026, 11, 23), null, CountTaskStatus.DONE, false, false, 30, 30, 0, 5, T,
                                    "warehouse", T));
                });
        c.callers = (CallerResolver) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CallerResolver.class},
                (p, m, a) -> WAREHOUSE);
        c.status = "Open";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        String[] lines = out.split("\n");
        assertTrue(out, lines[2].contains("2026-11-27") && lines[2].contains("(all)") && lines[2].contains("DUE"));
        assertTrue(out, lines[3].contains("tea") && lines[3].contains("OVERDUE"));
        assertTrue(out, lines[4].contains("done") && lines[4].contains("warehouse"));
        assertEquals(WAREHOUSE, calls.get(0)[0]);
        assertEquals(CountTaskStatus.OPEN, calls.get(0)[1]);
        assertEquals(20, calls.get(0)[3]);
        assertThrows(IllegalArgumentException.class, () -> CountsCommand.status("late"));
    }
}
