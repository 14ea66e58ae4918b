package org.wubu.orders.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.wubu.platform.api.ValidationException;

public class GoodsLinesTest {

    @Test
    public void theSameSkuScannedTwiceCountsOnce() {
        assertEquals(Map.of("A", 3L, "B", 1L), GoodsLines.count("lines", List.of(new GoodsLines.Line("A", 1L),
                new GoodsLines.Line(" B ", 1L), new GoodsLines.Line("A", 2L))));
    }

    @Test
    public void everyBadLineIsNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> GoodsLines.count("lines",
                Arrays.asList(new GoodsLines.Line("", 1L), new GoodsLines.Line("A", 0L), null, new GoodsLines.Line("B", null))));
        assertEquals(java.util.Set.of("lines[0].sku", "lines[1].quantity", "lines[2]", "lines[3].quantity"), e.details().keySet());
        assertThrows(ValidationException.class, () -> GoodsLines.count("lines", List.of()));
    }

    @Test
    public void differencesNameMissingExtraAndWrongCounts() {
        List<GoodsLines.Difference> d = GoodsLines.compare(Map.of("A", 2L, "B", 1L), Map.of("A", 1L, "C", 1L));
        assertEquals(3, d.size());
        assertEquals("A 1 instead of 2", d.get(0).describe());
        assertEquals("B missing (expected 1)", d.get(1).describe());
        assertEquals("C not in the order (found 1)", d.get(2).describe());
        assertTrue(GoodsLines.compare(Map.of("A", 2L), Map.of("A", 2L)).isEmpty());
    }
}
