package org.wubu.platform.api.login;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One login for every door: the web console, the REST API and the Karaf shell (through the
 * platform's JAAS realm). Every failure, throttle and lock is audited.
 */
@ProviderType
public interface Authenticator {

    /** @param channel where the attempt comes from ({@code web}, {@code api}, {@code shell}), for the audit log */
    LoginOutcome login(String username, char[] password, String channel);
}
