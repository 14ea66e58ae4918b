package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Derby reaches the JDK and OSGi packages it needs through static wires (the {@code derby-imports} fragment), not
 * through {@code DynamicImport-Package: *}. A dynamic import is wired at the first class load under Felix's global
 * lock, and that lock request fails when Felix interrupts a thread that starts Derby: the boot deployment then
 * failed with "Activator start error in bundle derby" (NoClassDefFoundError org/osgi/framework/BundleActivator).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DerbyWiringIT extends WubuTestSupport {

    /** The packages Derby's activator and its DataSources load first, each of which once failed in CI or in the race. */
    private static final List<String> STATIC_PACKAGES = List.of(
            "org.osgi.framework", "javax.naming", "javax.naming.spi", "javax.sql", "javax.management");

    @Test
    public void theFragmentIsAttachedToDerby() {
        Bundle derby = bundle("derby");
        Bundle fragment = bundle("org.wubu.derby.imports");
        assertEquals("derby should be active", Bundle.ACTIVE, derby.getState());
        assertEquals("a fragment is RESOLVED once attached", Bundle.RESOLVED, fragment.getState());
        boolean attached = false;
        for (BundleWire wire : derby.adapt(BundleWiring.class).getProvidedWires(HostNamespace.HOST_NAMESPACE)) {
            attached |= wire.getRequirer().getBundle().equals(fragment);
        }
        assertTrue("org.wubu.derby.imports should be attached to derby", attached);
    }

    @Test
    public void derbyImportsItsPackagesStaticallyFromTheSystemBundle() {
        BundleWiring wiring = bundle("derby").adapt(BundleWiring.class);
        Map<String, BundleWire> staticWires = new TreeMap<>();
        List<String> dynamic = new ArrayList<>();
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            String pkg = (String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
            String resolution = wire.getRequirement().getDirectives().get(Constants.RESOLUTION_DIRECTIVE);
            if (PackageNamespace.RESOLUTION_DYNAMIC.equals(resolution)) {
                dynamic.add(pkg);
            } else {
                staticWires.put(pkg, wire);
            }
        }
        for (String pkg : STATIC_PACKAGES) {
            BundleWire wire = staticWires.get(pkg);
            assertNotNull("derby should import " + pkg + " statically; static: " + staticWires.keySet()
                    + ", dynamic: " + dynamic, wire);
            assertEquals(pkg + " should come from the system bundle", 0L, wire.getProvider().getBundle().getBundleId());
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " in the container");
    }
}
