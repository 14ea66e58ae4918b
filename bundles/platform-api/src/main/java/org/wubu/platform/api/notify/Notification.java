package org.wubu.platform.api.notify;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A message for people, in both languages of the shop. Recipients are named by role (everyone who
 * holds it, or the one on duty where a channel knows the duty roster) and/or by username; a
 * notification names at least one. It never carries secrets; it may carry customer data only as far
 * as the recipients may read it anyway (prefer a link to the record).
 *
 * @param topic      what it is about, stable, e.g. {@code orders.confirmation-overdue}; channels and
 *                   users filter on it
 * @param subject    the thing concerned, e.g. {@code order:42}, or null
 * @param roles      roles whose holders should receive it, e.g. {@code cs-manager}
 * @param usernames  individual recipients
 * @param titleZh    one line in Chinese
 * @param titleEn    one line in English
 * @param bodyZh     details in Chinese, or null
 * @param bodyEn     details in English, or null
 * @param link       where to look, a path of the shop's web console or API (e.g. {@code /console/#/orders/42}), or null
 * @param urgency    how soon to look
 */
public record Notification(String topic, String subject, Set<String> roles, Set<String> usernames, String titleZh,
                           String titleEn, String bodyZh, String bodyEn, String link, Urgency urgency) {

    /** Longest title, in characters. */
    public static final int MAX_TITLE = 200;
    /** Longest body, in characters. */
    public static final int MAX_BODY = 4000;

    public Notification {
        if (topic == null || !topic.matches("[a-z][a-z0-9.-]*")) {
            throw new IllegalArgumentException("a notification topic is lower case, e.g. orders.confirmation-overdue (got '" + topic + "')");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        usernames = usernames == null ? Set.of() : Set.copyOf(usernames);
        if (roles.isEmpty() && usernames.isEmpty()) {
            throw new IllegalArgumentException("notification " + topic + " names no recipient (no role, no username)");
        }
        Objects.requireNonNull(titleZh, "titleZh");
        Objects.requireNonNull(titleEn, "titleEn");
        if (titleZh.length() > MAX_TITLE || titleEn.length() > MAX_TITLE) {
            throw new IllegalArgumentException("a notification title is at most " + MAX_TITLE + " characters");
        }
        if ((bodyZh != null && bodyZh.length() > MAX_BODY) || (bodyEn != null && bodyEn.length() > MAX_BODY)) {
            throw new IllegalArgumentException("a notification body is at most " + MAX_BODY + " characters");
        }
        urgency = urgency == null ? Urgency.NORMAL : urgency;
    }

    /** A notification for the holders of one role. */
    public static Notification toRole(String topic, String subject, String role, String titleZh, String titleEn,
                                      String bodyZh, String bodyEn, String link, Urgency urgency) {
        return new Notification(topic, subject, Set.of(role), Set.of(), titleZh, titleEn, bodyZh, bodyEn, link, urgency);
    }

    /** The title in the locale's language: Chinese for {@code zh}, English otherwise. */
    public String title(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? titleZh : titleEn;
    }

    /** The body in the locale's language, or null. */
    public String body(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? bodyZh : bodyEn;
    }
}
