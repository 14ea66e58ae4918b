package org.wubu.platform.api.notify;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends notifications: {@link #send} returns at once and every registered {@link NotificationChannel}
 * gets the notification shortly after, each on its own (a failing channel does not stop the others).
 * Areas reference it optionally: when the platform's notifier is not running nothing is sent.
 */
@ProviderType
public interface Notifier {

    /** Queues the notification for every channel registered now; never throws for a channel's failure. */
    void send(Notification notification);
}
