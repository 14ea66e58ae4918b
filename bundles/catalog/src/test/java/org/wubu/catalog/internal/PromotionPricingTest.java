package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;
import org.wubu.catalog.api.PromotionKind;
import org.wubu.platform.api.Money;

public class PromotionPricingTest {

    private static Money percent(String list, int off) {
        return PromotionPricing.effective(Money.cny(list), PromotionKind.PERCENT, off, null);
    }

    @Test
    public void aPercentageOffIsRoundedHalfUpToTheCent() {
        assertEquals(Money.cny("80.00"), percent("100.00", 20));
        // 9.99 * 0.85 = 8.4915 → 8.49; 0.15 * 0.5 = 0.075 → 0.08 (half up, not half even)
        assertEquals(Money.cny("8.49"), percent("9.99", 15));
        assertEquals(Money.cny("0.08"), percent("0.15", 50));
        assertEquals(Money.cny("0.03"), percent("0.05", 50));
        assertEquals(Money.cny("22.33"), percent("33.33", 33));
    }

    @Test
    public void thePriceNeverFallsBelowOneCentNorRisesAboveTheListPrice() {
        assertEquals(Money.cny("0.01"), percent("0.01", 99));
        assertEquals(Money.cny("0.01"), percent("0.02", 99));
        assertEquals(Money.cny("39.00"), PromotionPricing.effective(Money.cny("49.00"), PromotionKind.FIXED_PRICE, null, Money.cny("39.00")));
        assertEquals("a fixed price above the list price does not raise it", Money.cny("29.00"),
                PromotionPricing.effective(Money.cny("29.00"), PromotionKind.FIXED_PRICE, null, Money.cny("39.00")));
        assertEquals("another currency leaves the list price", Money.cny("29.00"),
                PromotionPricing.effective(Money.cny("29.00"), PromotionKind.FIXED_PRICE, null, Money.of("3.00", "USD")));
    }

    @Test
    public void aCategoryPathCoversItsSubCategoriesOnly() {
        assertEquals(List.of("tea", "tea/green", "tea/green/longjing"), PromotionPricing.prefixes("tea/green/longjing"));
        assertEquals(List.of("tea"), PromotionPricing.prefixes(" /tea/ "));
        assertTrue(PromotionPricing.nested("tea", "tea/green"));
        assertTrue(PromotionPricing.nested("tea/green", "tea"));
        assertTrue(PromotionPricing.nested("tea", "tea"));
        assertFalse("a common name prefix is not a parent category", PromotionPricing.nested("tea", "teaware"));
        assertFalse(PromotionPricing.prefixes("teaware/cups").contains("tea"));
    }
}
