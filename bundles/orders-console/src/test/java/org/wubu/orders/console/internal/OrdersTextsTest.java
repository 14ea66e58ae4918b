package org.wubu.orders.console.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;
import org.wubu.orders.api.OrderPage;
import org.wubu.orders.api.OrderState;
import org.wubu.orders.api.OrderSummary;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Money;

/** The orders pages are complete in zh-CN and English, their modules only use keys that exist, and the tile counts. */
public class OrdersTextsTest {

    private static final Path MODULES = Path.of("src/main/resources/orders-console");

    @Test
    public void bothLanguagesHaveTheSameKeys() {
        assertEquals(OrdersTexts.read("zh-CN").keySet(), OrdersTexts.read("en").keySet());
        for (String tag : List.of("zh-CN", "en")) {
            OrdersTexts.read(tag).forEach((k, v) -> assertTrue(tag + " " + k, !v.isBlank() && k.startsWith("orders.")));
        }
    }

    @Test
    public void theModulesUseOnlyKnownKeys() throws IOException {
        Map<String, String> en = OrdersTexts.read("en");
        int used = 0;
        try (Stream<Path> files = Files.list(MODULES)) {
            for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = Pattern.compile("\\bt\\('([A-Za-z0-9_.-]+)'[,)]").matcher(Files.readString(js, StandardCharsets.UTF_8));
                while (m.find()) {
                    used++;
                    assertTrue(js.getFileName() + " uses a missing text " + m.group(1), en.containsKey(m.group(1)));
                }
            }
        }
        assertTrue("the pattern finds the texts", used > 100);
    }

    @Test
    public void everyStateAndRecordKindHasItsText() {
        for (String tag : List.of("zh-CN", "en")) {
            Map<String, String> texts = OrdersTexts.read(tag);
            for (OrderState s : OrderState.values()) {
                assertTrue(tag + " " + s, texts.containsKey("orders.state." + s.name()));
            }
            for (RecordKind k : RecordKind.values()) {
                assertTrue(tag + " " + k, texts.containsKey("orders.kind." + k.name()));
            }
        }
    }

    @Test
    public void titlesAndScripts() {
        BoardPage board = new BoardPage();
        assertEquals("Order board", board.title(Locale.ENGLISH));
        assertEquals("订单看板", board.title(Locale.SIMPLIFIED_CHINESE));
        assertEquals("/orders", board.path());
        assertEquals("/console/pages/orders/board.js", board.script());
        assertEquals("/console/pages/orders/confirmations.js", new ConfirmationsPage().script());
        assertEquals("/orders/confirmations", new ConfirmationsPage().path());
        assertEquals("/console/pages/orders/packing.js", new PackingPage().script());
        assertEquals("orders.seal", new SealsPage().permission());
        assertEquals("/orders/returns", new ReturnsPage().path());
        assertEquals("/console/pages/orders/returns.js", new ReturnsPage().script());
        // delivery records returned goods on the same page as the agents: the page needs reading only
        assertEquals("orders.read", new ReturnsPage().permission());
        assertEquals("退换货", new ReturnsPage().title(Locale.SIMPLIFIED_CHINESE));
        assertEquals("/orders/confirmation-report", new ConfirmationReportPage().path());
        assertEquals("/console/pages/orders/confirmation-report.js", new ConfirmationReportPage().script());
        assertEquals("Confirmation report", new ConfirmationReportPage().title(Locale.ENGLISH));
        for (String module : List.of("board.js", "order.js", "confirmations.js", "packing.js", "seals.js", "common.js", "orders.css",
                "returns.js", "confirmation-report.js")) {
            assertTrue(module, Files.isRegularFile(MODULES.resolve(module)));
        }
    }

    @Test
    public void theTileCountsWaitingOrdersAndTheOverdueOnes() {
        Money total = new Money(new BigDecimal("10.00"), java.util.Currency.getInstance("CNY"));
        Instant now = Instant.parse("2026-11-27T02:00:00Z");
        OrderSummary onTime = new OrderSummary(2, now, "storefront", "王小明", total, 1, OrderState.ACCEPTED, now, false, false, false, now);
        OrderSummary late = new OrderSummary(1, now, "storefront", "李四", total, 1, OrderState.ACCEPTED, now, true, false, false, now);
        assertEquals("2 (1 overdue)", OrdersToConfirmTile.text(new OrderPage(List.of(onTime, late), null), Locale.ENGLISH));
        assertEquals("2（1 单超时）", OrdersToConfirmTile.text(new OrderPage(List.of(onTime, late), null), Locale.SIMPLIFIED_CHINESE));
        assertEquals("1+", OrdersToConfirmTile.text(new OrderPage(List.of(onTime), 2L), Locale.ENGLISH));
        assertEquals("0", OrdersToConfirmTile.text(new OrderPage(List.of(), null), Locale.ENGLISH));
    }
}
