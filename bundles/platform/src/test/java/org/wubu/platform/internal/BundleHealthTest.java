package org.wubu.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.osgi.framework.Bundle;

public class BundleHealthTest {

    @Test
    public void aBundleIsHealthyOnlyWhenActive() {
        assertTrue(BundleHealth.healthy(Bundle.ACTIVE, false));
        assertFalse("resolved but not started", BundleHealth.healthy(Bundle.RESOLVED, false));
        assertFalse(BundleHealth.healthy(Bundle.INSTALLED, false));
        assertFalse(BundleHealth.healthy(Bundle.STARTING, false));
        assertFalse(BundleHealth.healthy(Bundle.STOPPING, false));
    }

    @Test
    public void aFragmentIsHealthyWhenAttachedThatIsResolved() {
        assertTrue("a fragment is never started: RESOLVED means attached", BundleHealth.healthy(Bundle.RESOLVED, true));
        assertFalse("INSTALLED: it found no host", BundleHealth.healthy(Bundle.INSTALLED, true));
    }

    @Test
    public void theStateNameSaysWhenItIsAFragment() {
        assertEquals("ACTIVE", BundleHealth.stateName(Bundle.ACTIVE, false));
        assertEquals("RESOLVED (fragment)", BundleHealth.stateName(Bundle.RESOLVED, true));
        assertEquals("INSTALLED", BundleHealth.stateName(Bundle.INSTALLED, false));
    }
}
