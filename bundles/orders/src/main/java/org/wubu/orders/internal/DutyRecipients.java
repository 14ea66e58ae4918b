package org.wubu.orders.internal;

import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.notify.Notification;
import org.wubu.platform.api.notify.Urgency;
import org.wubu.roster.api.DutyRoster;

/**
 * Addresses an orders notification to the people the duty roster names on duty for a role at that moment
 * ("notify the CS manager on duty", issue 6 / ORD-2). When nobody is on duty, or the roster is not running or
 * cannot answer, the notification goes to every holder of the role, and its body says why, so that whoever
 * reads it knows it was not meant for them alone.
 */
final class DutyRecipients {

    private static final Logger LOG = LoggerFactory.getLogger(DutyRecipients.class);

    private DutyRecipients() {
    }

    /** The texts of a notification before it has recipients. */
    record Message(String topic, String subject, String titleZh, String titleEn, String bodyZh, String bodyEn, String link,
                   Urgency urgency) {
    }

    /**
     * The notification for whoever is on duty in {@code role} at {@code at}; {@code roster} null when the roster
     * is not running.
     */
    static Notification address(DutyRoster roster, String role, Instant at, Message m) {
        Set<String> onDuty = Set.of();
        boolean asked = false;
        if (roster != null) {
            try {
                onDuty = roster.onDuty(role, at);
                asked = true;
            } catch (RuntimeException e) {
                // A roster that cannot answer must not cost the notification: everyone in the role gets it.
                LOG.warn("The duty roster could not say who is on duty as {}; notifying every {}: {}", role, role, e.toString());
            }
        }
        if (!onDuty.isEmpty()) {
            return new Notification(m.topic(), m.subject(), Set.of(), onDuty, m.titleZh(), m.titleEn(), m.bodyZh(), m.bodyEn(), m.link(),
                    m.urgency());
        }
        String zh = roleZh(role);
        String en = roleEn(role);
        String whyZh = asked ? "值班表中此刻没有" + zh + "值班，已通知所有" + zh + "。" : "值班表未运行，已通知所有" + zh + "。";
        String whyEn = asked ? "No " + en + " on duty in the roster: sent to every " + en + "."
                : "The duty roster is not running: sent to every " + en + ".";
        return Notification.toRole(m.topic(), m.subject(), role, m.titleZh(), m.titleEn(), join(m.bodyZh(), whyZh), join(m.bodyEn(), whyEn),
                m.link(), m.urgency());
    }

    private static String join(String body, String why) {
        return body == null || body.isBlank() ? why : body + "\n" + why;
    }

    private static String roleZh(String role) {
        return switch (role) {
            case "cs-manager" -> "客服主管";
            case "cs-agent" -> "客服专员";
            default -> role;
        };
    }

    private static String roleEn(String role) {
        return switch (role) {
            case "cs-manager" -> "CS manager";
            case "cs-agent" -> "CS agent";
            default -> role;
        };
    }
}
