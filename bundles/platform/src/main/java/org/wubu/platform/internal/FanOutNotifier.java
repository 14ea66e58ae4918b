package org.wubu.platform.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.notify.Notification;
import org.wubu.platform.api.notify.NotificationChannel;
import org.wubu.platform.api.notify.Notifier;

/**
 * The {@link Notifier}: hands each notification to every registered {@link NotificationChannel}
 * (whiteboard, channels come and go at runtime) on one thread of its own, so that the caller (a
 * clock, a request) never waits for a slow SMS gateway, and a failing channel only costs a log line.
 * The queue is bounded: when channels fall this far behind, new notifications are logged and dropped
 * rather than filling the memory.
 */
// Immediate: it drains a queue on its own thread, which a delayed component would drop whenever SCR
// disposes it for want of users.
@Component(service = Notifier.class, immediate = true)
public class FanOutNotifier implements Notifier {

    static final int QUEUE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(FanOutNotifier.class);

    private final List<Channel> channels = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "wubu-notifier");
                t.setDaemon(true);
                return t;
            });

    private record Channel(NotificationChannel channel, String name) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(NotificationChannel channel, Map<String, Object> props) {
        Object name = props.get(NotificationChannel.NAME);
        channels.add(new Channel(channel, name == null ? channel.getClass().getName() : name.toString()));
    }

    void removeChannel(NotificationChannel channel) {
        channels.removeIf(c -> c.channel() == channel);
    }

    @Deactivate
    void deactivate() {
        executor.shutdown();
    }

    @Override
    public void send(Notification notification) {
        try {
            executor.execute(() -> deliver(notification));
        } catch (RejectedExecutionException e) {
            LOG.warn("Notification {} about {} dropped: the channels are {} notifications behind or the notifier is stopping",
                    notification.topic(), notification.subject(), QUEUE);
        }
    }

    /** Each channel on its own: one that throws does not keep the notification from the others. */
    void deliver(Notification notification) {
        for (Channel c : channels) {
            try {
                c.channel().deliver(notification);
            } catch (Exception | LinkageError e) {
                LOG.warn("Notification channel {} failed to deliver {} about {}: {}", c.name(), notification.topic(),
                        notification.subject(), e.toString());
            }
        }
    }
}
