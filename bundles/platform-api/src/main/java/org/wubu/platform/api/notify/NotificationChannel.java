package org.wubu.platform.api.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to reach people: register an implementation as an OSGi service (whiteboard) and the
 * {@link Notifier} hands it every notification. The platform registers a log channel; a partner adds
 * SMS, mail or chat by registering another one, without a restart:
 * <pre>{@code
 * @Component(property = NotificationChannel.NAME + "=sms")
 * public class SmsChannel implements NotificationChannel { ... }
 * }</pre>
 * A channel resolves roles to people itself (e.g. through the staff directory or the duty roster).
 */
@ConsumerType
public interface NotificationChannel {

    /** Service property: the channel's name, e.g. {@code log}, {@code sms} (for logs and configuration). */
    String NAME = "wubu.notification.channel";

    /**
     * Delivers the notification. Called on the notifier's own thread, never on the caller's, so a slow
     * channel delays nobody; throwing is logged and does not stop the other channels.
     */
    void deliver(Notification notification) throws Exception;
}
