/**
 * The login seam of the platform: the web API, the console and the Karaf shell authenticate through
 * the {@link org.wubu.platform.api.login.Authenticator} service that the staff-account bundle
 * provides (passwords and personal API tokens). Without it, the platform falls back to Karaf's own
 * JAAS realm. Browser logins become {@link org.wubu.platform.api.login.WebSession}s of the
 * platform's {@link org.wubu.platform.api.login.WebSessions} service, shared by every servlet context.
 */
@Version("1.0.0")
package org.wubu.platform.api.login;

import org.osgi.annotation.versioning.Version;
