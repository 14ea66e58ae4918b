package org.wubu.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fails the build when a bundle breaks the platform's export rules:
 * an implementation bundle exports nothing, and every package an API bundle exports
 * carries a semantic version (from its {@code package-info.java}).
 *
 * <p>Run by every bundle module after packaging as a single-file program
 * ({@code java BundleHygiene.java <jar> <api|impl>}), so it depends on the JDK only.
 */
public final class BundleHygiene {

    private static final Pattern VERSION_ATTR = Pattern.compile(";\\s*version\\s*=\\s*\"?([0-9][^\";,]*)\"?");

    private BundleHygiene() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BundleHygiene <bundle.jar> <api|impl>");
            System.exit(2);
        }
        if ("none".equals(args[1])) {
            return; // aggregator and non-bundle modules: nothing to check
        }
        Manifest manifest;
        try (JarFile jar = new JarFile(Path.of(args[0]).toFile())) {
            manifest = jar.getManifest();
        }
        List<String> problems = problems(manifest, args[1]);
        if (!problems.isEmpty()) {
            System.err.println("[bundle hygiene] " + args[0] + " breaks the export rules:");
            problems.forEach(p -> System.err.println("[bundle hygiene]   " + p));
            System.exit(1);
        }
        System.out.println("[bundle hygiene] " + Path.of(args[0]).getFileName() + " (" + args[1] + "): ok");
    }

    /** Every rule the manifest breaks, in words a developer can act on; empty when it is clean. */
    public static List<String> problems(Manifest manifest, String kind) {
        List<String> problems = new ArrayList<>();
        if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
            problems.add("not an OSGi bundle (no Bundle-SymbolicName)");
            return problems;
        }
        String exports = manifest.getMainAttributes().getValue("Export-Package");
        List<String> clauses = clauses(exports);
        switch (kind) {
            case "impl":
                for (String clause : clauses) {
                    problems.add("implementation bundles export nothing, but it exports " + packageOf(clause)
                            + " (move the type to an -api bundle or into an .internal package)");
                }
                break;
            case "api":
                for (String clause : clauses) {
                    Matcher m = VERSION_ATTR.matcher(clause);
                    if (!m.find() || m.group(1).matches("0(\\.0){0,2}")) {
                        problems.add("exported package " + packageOf(clause)
                                + " has no semantic version (add package-info.java with @Version)");
                    }
                }
                break;
            default:
                problems.add("unknown bundle kind '" + kind + "' (expected api or impl)");
        }
        return problems;
    }

    /** Splits an OSGi header into clauses at commas that are outside quotes. */
    static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString().trim());
        }
        return out;
    }

    private static String packageOf(String clause) {
        int semi = clause.indexOf(';');
        return semi < 0 ? clause : clause.substring(0, semi);
    }
}
