package org.wubu.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Wubu security", description = "Password policy (SEC-3) and login throttling. See etc/org.wubu.security.cfg.")
@interface SecurityConfig {

    @AttributeDefinition(description = "Minimum password length; never below 6 (SEC-3)")
    int password_minLength() default 8;

    @AttributeDefinition(description = "Refuse passwords that start with a digit")
    boolean password_noLeadingDigit() default true;

    @AttributeDefinition(description = "Kinds of characters needed (letters, digits, symbols)")
    int password_minKinds() default 2;

    @AttributeDefinition(description = "Refuse the most common passwords")
    boolean password_rejectCommon() default true;

    @AttributeDefinition(description = "How many earlier passwords may not be reused")
    int password_history() default 5;

    @AttributeDefinition(description = "Days until a password expires; 0 never")
    int password_maxAgeDays() default 90;

    @AttributeDefinition(description = "Days before expiry to start warning")
    int password_warnDays() default 14;

    @AttributeDefinition(description = "Failed logins before attempts are slowed down")
    int login_throttleAfter() default 5;

    @AttributeDefinition(description = "Failed logins before the account is locked")
    int login_lockAfter() default 10;

    @AttributeDefinition(description = "Minutes an account stays locked")
    int login_lockMinutes() default 15;
}
