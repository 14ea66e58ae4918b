package org.wubu.build;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.Test;

public class BundleHygieneTest {

    private static Manifest manifest(String exports) {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", "org.wubu.sample");
        if (exports != null) {
            m.getMainAttributes().putValue("Export-Package", exports);
        }
        return m;
    }

    @Test
    public void implementationWithoutExportsIsClean() {
        assertEquals(List.of(), BundleHygiene.problems(manifest(null), "impl"));
    }

    @Test
    public void implementationThatExportsFails() {
        List<String> problems = BundleHygiene.problems(manifest("org.wubu.audit.internal;version=\"1.0.0\""), "impl");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0), problems.get(0).contains("org.wubu.audit.internal"));
    }

    @Test
    public void apiWithVersionedExportsIsClean() {
        String exports = "org.wubu.platform.api;uses:=\"a,b\";version=\"1.0.0\",org.wubu.platform.api.audit;version=\"1.1.0\"";
        assertEquals(List.of(), BundleHygiene.problems(manifest(exports), "api"));
    }

    @Test
    public void apiWithUnversionedExportFailsAndNamesThePackage() {
        String exports = "org.wubu.platform.api;version=\"1.0.0\",org.wubu.platform.api.audit;uses:=\"x,y\"";
        List<String> problems = BundleHygiene.problems(manifest(exports), "api");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0), problems.get(0).contains("org.wubu.platform.api.audit"));
    }

    @Test
    public void zeroVersionCountsAsUnversioned() {
        assertEquals(1, BundleHygiene.problems(manifest("org.wubu.x;version=\"0.0.0\""), "api").size());
    }

    @Test
    public void nonBundleFails() {
        assertEquals(1, BundleHygiene.problems(new Manifest(), "api").size());
    }

    @Test
    public void clausesRespectQuotes() {
        assertEquals(2, BundleHygiene.clauses("a;uses:=\"x,y,z\";version=\"1\",b").size());
    }
}
