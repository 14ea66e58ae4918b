package org.wubu.platform.internal;

import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.notify.Notification;
import org.wubu.platform.api.notify.NotificationChannel;
import org.wubu.platform.api.notify.Urgency;

/**
 * The channel that is always there: every notification as one line of the log (logger
 * {@code wubu.notifications}, so that operators can route it to its own file), in English, with its
 * recipients. HIGH urgency logs as a warning.
 */
@Component(service = NotificationChannel.class, property = NotificationChannel.NAME + "=log")
public class LogNotificationChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger("wubu.notifications");

    @Override
    public void deliver(Notification n) {
        String line = line(n);
        if (n.urgency() == Urgency.HIGH) {
            LOG.warn(line);
        } else {
            LOG.info(line);
        }
    }

    static String line(Notification n) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(n.topic()).append(']');
        if (n.subject() != null) {
            sb.append(' ').append(n.subject());
        }
        sb.append(" to");
        n.roles().stream().sorted().forEach(r -> sb.append(" role:").append(r));
        n.usernames().stream().sorted().forEach(u -> sb.append(" user:").append(u));
        sb.append(" (").append(n.urgency().name().toLowerCase(Locale.ROOT)).append("): ").append(n.titleEn());
        if (n.bodyEn() != null) {
            sb.append(" - ").append(n.bodyEn());
        }
        if (n.link() != null) {
            sb.append(" <").append(n.link()).append('>');
        }
        return sb.toString().replaceAll("[\\r\\n]+", " ");
    }
}
