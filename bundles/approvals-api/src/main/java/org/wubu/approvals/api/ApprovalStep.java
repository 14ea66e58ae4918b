package org.wubu.approvals.api;

import java.util.Locale;
import org.wubu.platform.api.Caller;

/**
 * One step of an approval chain: who may decide it, named either by a role ({@link Caller#roles()})
 * or by a permission ({@link Caller#hasPermission}), never both.
 *
 * @param role       the role whose holders decide this step, or null
 * @param permission the permission whose holders decide this step, or null
 * @param labelEn    what the step is called in English, e.g. "Marketing director"
 * @param labelZh    what the step is called in Chinese, e.g. "市场总监"
 */
public record ApprovalStep(String role, String permission, String labelEn, String labelZh) {

    public ApprovalStep {
        boolean hasRole = role != null && !role.isBlank();
        boolean hasPermission = permission != null && !permission.isBlank();
        if (hasRole == hasPermission) {
            throw new IllegalArgumentException("an approval step names either a role or a permission, not "
                    + (hasRole ? "both" : "neither"));
        }
        role = hasRole ? role.trim() : null;
        permission = hasPermission ? permission.trim() : null;
        String who = hasRole ? role : permission;
        labelEn = labelEn == null || labelEn.isBlank() ? who : labelEn;
        labelZh = labelZh == null || labelZh.isBlank() ? labelEn : labelZh;
    }

    /** A step decided by holders of a role. */
    public static ApprovalStep role(String role, String labelEn, String labelZh) {
        return new ApprovalStep(role, null, labelEn, labelZh);
    }

    /** A step decided by holders of a permission. */
    public static ApprovalStep permission(String permission, String labelEn, String labelZh) {
        return new ApprovalStep(null, permission, labelEn, labelZh);
    }

    /** Whether the caller holds this step's role or permission (the engine adds the four-eyes rules). */
    public boolean heldBy(Caller caller) {
        return role != null ? caller.roles().contains(role) : caller.hasPermission(permission);
    }

    /** The configuration form of the step: {@code role:<name>} or {@code permission:<name>}. */
    public String spec() {
        return role != null ? "role:" + role : "permission:" + permission;
    }

    /** The label in the locale's language: Chinese for {@code zh}, English otherwise. */
    public String label(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? labelZh : labelEn;
    }
}
