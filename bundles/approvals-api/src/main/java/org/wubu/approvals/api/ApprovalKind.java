package org.wubu.approvals.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A kind of change that needs approval, owned by one area, e.g. {@code catalog.price-change}.
 * The chain, the four-eyes waiver and the deadline given here are defaults; admins override them
 * per kind in {@code etc/org.wubu.approvals.cfg} without a restart. A request freezes the effective
 * settings when it is submitted.
 *
 * @param id               stable id, lower case: {@code [a-z][a-z0-9.-]*}, at most 100 characters
 * @param titleEn          what the kind is called in English, e.g. "Price change"
 * @param titleZh          what the kind is called in Chinese, e.g. "调价"
 * @param chain            the steps in order, at least one
 * @param deadline         time allowed from the final approval until the change is applied (e.g. 48 h
 *                         to publication), or null for none
 * @param allowSameDecider whether one person may decide two steps of the same request; false keeps
 *                         the four-eyes rule. The requester may never decide their own request.
 */
public record ApprovalKind(String id, String titleEn, String titleZh, List<ApprovalStep> chain,
                           Duration deadline, boolean allowSameDecider) {

    /** The pattern of a kind id. */
    public static final String ID_PATTERN = "[a-z][a-z0-9.-]*";
    public static final int MAX_ID_LENGTH = 100;

    public ApprovalKind {
        if (id == null || !id.matches(ID_PATTERN) || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("an approval kind id is lower case letters, digits, '.' and '-', starting "
                    + "with a letter, at most " + MAX_ID_LENGTH + " characters (got '" + id + "')");
        }
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("approval kind " + id + " needs at least one step in its chain");
        }
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("the deadline of approval kind " + id + " must be positive (got " + deadline + ")");
        }
        chain = List.copyOf(chain);
        titleEn = titleEn == null || titleEn.isBlank() ? id : titleEn;
        titleZh = titleZh == null || titleZh.isBlank() ? titleEn : titleZh;
    }

    /** A kind with the four-eyes rule in force. */
    public ApprovalKind(String id, String titleEn, String titleZh, List<ApprovalStep> chain, Duration deadline) {
        this(id, titleEn, titleZh, chain, deadline, false);
    }

    /** The title in the locale's language: Chinese for {@code zh}, English otherwise. */
    public String title(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? titleZh : titleEn;
    }
}
