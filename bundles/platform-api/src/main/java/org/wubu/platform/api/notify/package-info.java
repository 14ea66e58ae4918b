/**
 * Notifications: the platform tells people that something needs them (an order overdue for
 * confirmation, a return waiting for approval). An area builds a {@link org.wubu.platform.api.notify.Notification}
 * and hands it to the {@link org.wubu.platform.api.notify.Notifier}; the notifier gives it to every
 * registered {@link org.wubu.platform.api.notify.NotificationChannel} (whiteboard: the platform's log
 * channel, and any SMS, mail or chat channel a partner bundle registers).
 */
@Version("1.0.0")
package org.wubu.platform.api.notify;

import org.osgi.annotation.versioning.Version;
