package org.wubu.orders.console.internal;

import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.console.api.DashboardTile;
import org.wubu.orders.api.OrderPage;
import org.wubu.orders.api.OrderQuery;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.OrderState;
import org.wubu.orders.api.OrderSummary;
import org.wubu.platform.api.Caller;

/**
 * Dashboard tile for the CS agents: "Orders to confirm: 3 (1 overdue)", the accepted orders waiting for their
 * confirmation call (ORD-2). One page of the state's list: beyond {@link OrderQuery#MAX_LIMIT} it says "200+",
 * which is all an agent needs to know.
 */
@Component(service = DashboardTile.class)
public class OrdersToConfirmTile implements DashboardTile {

    private final OrderService orders;

    @Activate
    public OrdersToConfirmTile(@Reference OrderService orders) {
        this.orders = orders;
    }

    @Override
    public String id() {
        return "orders.to-confirm";
    }

    @Override
    public String title(Locale locale) {
        return OrdersTexts.of(locale).get("orders.tile.toConfirm");
    }

    @Override
    public Optional<String> value(Caller caller, Locale locale) {
        OrderPage page = orders.list(caller, new OrderQuery(OrderState.ACCEPTED, null, OrderQuery.MAX_LIMIT));
        return Optional.of(text(page, locale));
    }

    static String text(OrderPage page, Locale locale) {
        int n = page.items().size();
        long overdue = page.items().stream().filter(OrderSummary::confirmationOverdue).count();
        String count = page.nextBefore() != null ? n + "+" : Integer.toString(n);
        return overdue == 0 ? count
                : OrdersTexts.of(locale).get("orders.tile.withOverdue").replace("{count}", count).replace("{n}", Long.toString(overdue));
    }

    @Override
    public String link() {
        return ConfirmationsPage.PATH;
    }

    @Override
    public String permission() {
        return OrderService.CONFIRM;
    }

    @Override
    public int order() {
        return 300;
    }
}
