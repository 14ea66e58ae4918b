package org.wubu.catalog.api.market;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.LocalDate;
import org.junit.Test;
import org.wubu.platform.api.ValidationException;

public class IsoWeekTest {

    @Test
    public void weeksRunMondayToSundayAcrossTheTurnOfTheYear() {
        IsoWeek w48 = IsoWeek.parse("2026-W48");
        assertEquals(LocalDate.of(2026, 11, 23), w48.monday());
        assertEquals(LocalDate.of(2026, 11, 29), w48.sunday());
        assertEquals(w48, IsoWeek.of(LocalDate.of(2026, 11, 29)));
        assertEquals("2026-W47", w48.previous().toString());
        // 2026 starts on a Thursday: it has 53 weeks, and 1 January 2027 still belongs to its week 53.
        assertEquals(new IsoWeek(2026, 53), IsoWeek.of(LocalDate.of(2027, 1, 1)));
        assertEquals(LocalDate.of(2025, 12, 29), IsoWeek.parse("2026-w1").monday());
        assertEquals("2026-W53", IsoWeek.parse("2027-W01").previous().toString());
    }

    @Test
    public void anythingElseIsRefusedNamingTheWeek() {
        for (String bad : new String[] {"2026-48", "2026-W54", "2025-W53", "W48", "", "2026-W00"}) {
            ValidationException e = assertThrows(bad, ValidationException.class, () -> IsoWeek.parse(bad));
            assertEquals(bad, java.util.Set.of("week"), e.details().keySet());
        }
        assertThrows(ValidationException.class, () -> IsoWeek.parse(null));
    }
}
