package org.wubu.platform.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;

/**
 * What a healthy state is for one of Wubu's bundles. A plain bundle must be ACTIVE. A fragment
 * (such as {@code org.wubu.derby.imports}) is never started: attached to its host it stays
 * RESOLVED, which is its healthy state; INSTALLED means it found no host.
 */
final class BundleHealth {

    private BundleHealth() {
    }

    static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    static boolean healthy(int state, boolean fragment) {
        return state == (fragment ? Bundle.RESOLVED : Bundle.ACTIVE);
    }

    static String stateName(int state, boolean fragment) {
        String name;
        switch (state) {
            case Bundle.ACTIVE: name = "ACTIVE"; break;
            case Bundle.RESOLVED: name = "RESOLVED"; break;
            case Bundle.INSTALLED: name = "INSTALLED"; break;
            case Bundle.STARTING: name = "STARTING"; break;
            case Bundle.STOPPING: name = "STOPPING"; break;
            default: name = "UNINSTALLED"; break;
        }
        return fragment ? name + " (fragment)" : name;
    }
}
