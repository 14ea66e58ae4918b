package org.wubu.security.internal;

import java.util.HashMap;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.platform.api.login.Authenticator;

/**
 * Replaces Karaf's {@code karaf} realm (properties file) with the staff accounts, so that the same
 * people log into the Karaf shell, SSH and the web with the same password and the same rights.
 * Ranked above Karaf's realm; it exists only while the accounts can be checked.
 */
@Component(service = JaasRealm.class)
public class StaffJaasRealm implements JaasRealm {

    static final String REALM = "karaf";

    private final AppConfigurationEntry[] entries;

    @Activate
    public StaffJaasRealm(BundleContext context, @Reference Authenticator authenticator) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, StaffLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(BundleContext.class.getName(), context);
        entries = new AppConfigurationEntry[] {
            new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                    AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)
        };
    }

    @Override
    public String getName() {
        return REALM;
    }

    @Override
    public int getRank() {
        return 100;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
