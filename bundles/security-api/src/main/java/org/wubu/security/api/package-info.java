/**
 * Staff accounts and login: {@link org.wubu.security.api.AccountService} (accounts, passwords),
 * login itself is the platform API's {@code org.wubu.platform.api.login.Authenticator},
 * {@link org.wubu.security.api.RoleCatalog} (built-in roles and their permissions) and the three
 * permission {@link org.wubu.security.api.Level levels} of SEC-1, and personal API tokens
 * ({@link org.wubu.security.api.TokenService}).
 */
@Version("1.0.0")
package org.wubu.security.api;

import org.osgi.annotation.versioning.Version;
