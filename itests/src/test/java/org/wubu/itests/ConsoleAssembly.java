package org.wubu.itests;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Wubu distribution for the browser tests, run as a child process of the test JVM (the
 * browser must run here, not inside the container as Pax Exam probes do): unpacks the assembly's
 * tar.gz, gives it free ports and demo mode, starts {@code bin/karaf run}, waits (bounded) for
 * {@code /api/health}, and stops it again (bounded, killed if it hangs).
 */
final class ConsoleAssembly implements AutoCloseable {

    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    static final Duration SHELL_TIMEOUT = Duration.ofSeconds(30);

    final Path home;
    final int httpPort;
    final int sshPort;
    private final Process process;

    private ConsoleAssembly(Path home, int httpPort, int sshPort, Process process) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
        this.process = process;
    }

    /**
     * -Dwubu.it.distribution=<path of a tar.gz>, else the assembly this source tree built
     * ({@code ../karaf-assembly/target}), else the one installed in the local Maven repository. The tree's
     * own build comes first: the local repository is shared with other builds on the machine.
     */
    static Path tarball() {
        String override = System.getProperty(WubuTestSupport.DISTRIBUTION_PROPERTY);
        if (override != null && !override.isBlank() && !override.startsWith("mvn:")) {
            return Path.of(override.replaceFirst("^file:", ""));
        }
        String version = required("project.version");
        Path built = Path.of("../karaf-assembly/target/karaf-assembly-" + version + ".tar.gz").toAbsolutePath().normalize();
        if (Files.isRegularFile(built)) {
            return built;
        }
        String repo = System.getProperty("org.ops4j.pax.url.mvn.localRepository", System.getProperty("user.home") + "/.m2/repository");
        return Path.of(repo, "org/wubu/karaf-assembly", version, "karaf-assembly-" + version + ".tar.gz");
    }

    static ConsoleAssembly start(Path workDir) throws IOException, InterruptedException {
        Path tarball = tarball();
        if (!Files.isRegularFile(tarball)) {
            throw new IllegalStateException("no assembly at " + tarball + ": run mvn install on karaf-assembly first");
        }
        Files.createDirectories(workDir);
        run(workDir, Duration.ofSeconds(60), "tar", "xzf", tarball.toString());
        Path home;
        try (var dirs = Files.list(workDir)) {
            home = dirs.filter(p -> Files.isRegularFile(p.resolve("bin/karaf"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no bin/karaf in " + tarball));
        }
        int http = freePort();
        int ssh = freePort();
        set(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(http));
        set(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(ssh));
        Path management = home.resolve("etc/org.apache.karaf.management.cfg");
        set(management, "rmiRegistryPort", Integer.toString(freePort()));
        set(management, "rmiServerPort", Integer.toString(freePort()));
        set(management, "jmxmpPort", Integer.toString(freePort()));
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "run")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.out").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("EXTRA_JAVA_OPTS", "-Dwubu.mode=demo");
        ConsoleAssembly assembly = new ConsoleAssembly(home, http, ssh, pb.start());
        assembly.awaitHealth();
        return assembly;
    }

    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    private void awaitHealth() throws InterruptedException {
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Wubu stopped during its boot; see " + home.resolve("console.out"));
            }
            Response r = request("GET", "/api/health", null, Map.of());
            last = r.status + " " + r.body;
            // the console's bundles active and the demo accounts created (off the activation thread)
            if (r.status == 200 && r.body.contains("\"org.wubu.console\":\"ACTIVE") && r.body.contains("\"org.wubu.console.system\":\"ACTIVE")
                    && request("GET", "/api/console/menu", null, basic("it", ConsoleBrowserIT.DEMO)).status == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Wubu did not answer /api/health with UP within " + BOOT_TIMEOUT + " (last: " + last
                + "); see " + home.resolve("data/log/karaf.log"));
    }

    /** Runs a Karaf shell command through bin/client as the given staff account; answers its output. */
    String shell(String user, String password, String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", Integer.toString(sshPort),
                "-h", "127.0.0.1", "-u", user, "-p", password, "-b")
                .directory(home.toFile())
                .redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out;
        try (InputStream in = p.getInputStream()) {
            if (!p.waitFor(SHELL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("shell command timed out after " + SHELL_TIMEOUT + ": " + command);
            }
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("shell command failed (" + p.exitValue() + "): " + command + "\n" + out);
        }
        return out;
    }

    record Response(int status, String body) {
    }

    static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** One HTTP request; never throws on 4xx/5xx, status -1 when the server cannot be reached. */
    Response request(String method, String path, String json, Map<String, String> headers) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) new URL(url(path)).openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout((int) HTTP_TIMEOUT.toMillis());
            c.setReadTimeout((int) HTTP_TIMEOUT.toMillis());
            headers.forEach(c::setRequestProperty);
            if (json != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                c.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Response(status, body);
        } catch (IOException e) {
            return new Response(-1, e.toString());
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /** A number field of a flat JSON answer, e.g. {@code "id":12}. */
    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        for (ProcessHandle p : all) {
            p.destroy(); // SIGTERM: Karaf stops its bundles in its shutdown hook
        }
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (ProcessHandle p : all) {
            long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            try {
                p.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
    }

    private static void set(Path cfg, String key, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*" + Pattern.quote(key) + "\\s*=.*")) {
                lines.set(i, key + " = " + value);
                found = true;
            }
        }
        if (!found) {
            lines.add(key + " = " + value);
        }
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }

    private static void run(Path dir, Duration timeout, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("unpack.log").toFile()).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeout);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("unpack.log"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static String required(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run through Maven (mvn -pl itests verify)");
        }
        return v;
    }

    static File screenshots() {
        return new File("target/screenshots");
    }
}
