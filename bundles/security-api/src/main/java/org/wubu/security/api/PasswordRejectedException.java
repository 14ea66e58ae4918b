package org.wubu.security.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.wubu.platform.api.ValidationException;

/** A new password breaks the policy; {@link #violations()} names every rule it breaks. HTTP 400. */
public class PasswordRejectedException extends ValidationException {

    private static final long serialVersionUID = 1L;

    private final transient List<PasswordRuleViolation> violations;

    public PasswordRejectedException(List<PasswordRuleViolation> violations) {
        super("the password breaks the policy: " + violations.stream().map(PasswordRuleViolation::english)
                        .collect(Collectors.joining(" ")),
                Map.of("password", violations.stream().map(PasswordRuleViolation::rule).collect(Collectors.toList())));
        this.violations = List.copyOf(violations);
    }

    public List<PasswordRuleViolation> violations() {
        return violations;
    }
}
