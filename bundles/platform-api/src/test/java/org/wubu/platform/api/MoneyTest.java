package org.wubu.platform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class MoneyTest {

    @Test
    public void keepsExactMinorUnits() {
        assertEquals("129.00 CNY", Money.cny("129").toString());
        assertEquals("0.30 CNY", Money.cny("0.10").plus(Money.cny("0.20")).toString());
    }

    @Test
    public void refusesFractionsOfAFen() {
        ValidationException e = assertThrows(ValidationException.class, () -> Money.cny("1.005"));
        assertEquals("invalid", e.code());
    }

    @Test
    public void refusesGarbageWithAClearMessage() {
        ValidationException e = assertThrows(ValidationException.class, () -> Money.cny("12,5"));
        assertEquals("'12,5' is not an amount of money", e.getMessage());
    }

    @Test
    public void refusesMixedCurrencies() {
        assertThrows(ValidationException.class, () -> Money.cny("1").plus(Money.of("1", "USD")));
    }

    @Test
    public void callerPermissions() {
        Caller c = new Caller("planner", java.util.Set.of("planner"), java.util.Set.of("catalog.price.propose"));
        c.require("catalog.price.propose");
        assertThrows(PermissionDeniedException.class, () -> c.require("audit.read"));
        Caller.SYSTEM.require("anything");
    }

    @Test
    public void permissionPatterns() {
        Caller c = new Caller("lead", java.util.Set.of(), java.util.Set.of("catalog.*", "*.read"));
        c.require("catalog.price.approve");
        c.require("orders.read");
        assertThrows(PermissionDeniedException.class, () -> c.require("orders.confirm"));
        assertThrows(PermissionDeniedException.class, () -> c.require("catalogue.x"));
    }
}
