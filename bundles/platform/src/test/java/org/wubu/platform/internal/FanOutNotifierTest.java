package org.wubu.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.wubu.platform.api.notify.Notification;
import org.wubu.platform.api.notify.NotificationChannel;
import org.wubu.platform.api.notify.Urgency;

public class FanOutNotifierTest {

    private static final Notification OVERDUE = Notification.toRole("orders.confirmation-overdue", "order:7", "cs-manager",
            "订单 7 超时未确认", "Order 7 not confirmed in time", null, "accepted 10:00, due 10:10", "/console/#/orders/7",
            Urgency.HIGH);

    @Test
    public void everyChannelGetsTheNotificationEvenWhenOneFails() throws Exception {
        FanOutNotifier notifier = new FanOutNotifier();
        List<Notification> got = new CopyOnWriteArrayList<>();
        CountDownLatch delivered = new CountDownLatch(1);
        notifier.addChannel(n -> {
            throw new IllegalStateException("gateway down");
        }, Map.of(NotificationChannel.NAME, "broken"));
        notifier.addChannel(n -> {
            got.add(n);
            delivered.countDown();
        }, Map.of(NotificationChannel.NAME, "test"));
        notifier.send(OVERDUE);
        assertTrue("the working channel got it within 5 s", delivered.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(OVERDUE), got);
        notifier.deactivate();
    }

    @Test
    public void aRemovedChannelGetsNothing() {
        FanOutNotifier notifier = new FanOutNotifier();
        List<Notification> got = new CopyOnWriteArrayList<>();
        NotificationChannel channel = got::add;
        notifier.addChannel(channel, Map.of());
        notifier.removeChannel(channel);
        notifier.deliver(OVERDUE);
        assertTrue(got.isEmpty());
        notifier.deactivate();
    }

    @Test
    public void theLogLineNamesTopicRecipientsAndTitleOnOneLine() {
        assertEquals("[orders.confirmation-overdue] order:7 to role:cs-manager (high): Order 7 not confirmed in time"
                + " - accepted 10:00, due 10:10 </console/#/orders/7>", LogNotificationChannel.line(OVERDUE));
    }

    @Test(expected = IllegalArgumentException.class)
    public void aNotificationNamesARecipient() {
        new Notification("orders.x", null, null, null, "标题", "title", null, null, null, null);
    }
}
