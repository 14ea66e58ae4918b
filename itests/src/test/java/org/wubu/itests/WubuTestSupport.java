package org.wubu.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Base class of every Wubu integration test: boots the real distribution ({@code karaf-assembly}) with
 * Pax Exam and offers bounded helpers that run inside the container (shell commands, HTTP, services).
 *
 * <p>Subclasses are JUnit 4 tests annotated with {@code @RunWith(PaxExam.class)} and
 * {@code @ExamReactorStrategy(PerClass.class)} (one container per class: group scenarios per class, a
 * boot plus the tests costs 13-25 s).
 *
 * <p>{@link #config()} runs in the test JVM; every other method runs in the container (the probe), so
 * values are handed over as system properties only (static fields are not shared).
 */
public abstract class WubuTestSupport {

    /** System property (set in the container) holding the HTTP port Pax Web listens on. */
    public static final String HTTP_PORT_PROPERTY = "wubu.it.http.port";
    /** System property (set in the container) holding the SSH port of the Karaf shell. */
    public static final String SSH_PORT_PROPERTY = "wubu.it.ssh.port";

    /** Optional system property (test JVM): URL of the distribution to boot instead of the assembly. */
    public static final String DISTRIBUTION_PROPERTY = "wubu.it.distribution";

    /** Optional system property (test JVM): Karaf root log level, WARN unless set. */
    public static final String LOG_LEVEL_PROPERTY = "wubu.it.logLevel";

    /** How long a test may wait for a shell command unless it says otherwise. */
    protected static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    /** How long a single HTTP request may take (connect + read). */
    protected static final Duration HTTP_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** How long the boot features (Wubu included) may take to deploy before a test gives up. */
    protected static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);

    /** The password of every demo account (demo mode only). */
    protected static final String DEMO_PASSWORD = "Demo-pass-2026";
    /** The demo account demo mode creates last: once it logs in, every demo account exists. */
    protected static final String LAST_DEMO_ACCOUNT = "warehouse";
    /** A hand-written demo product; demo mode writes all demo products in one transaction. */
    protected static final String DEMO_PRODUCT = "BOK-SC-01";
    /** A valid 1×1 PNG, for uploads (the media store checks the type by content). */
    protected static final byte[] TINY_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    /** How long demo mode may take after boot to create its accounts, products and orders. */
    protected static final Duration DEMO_READY_TIMEOUT = Duration.ofSeconds(90);
    /** How often the bounded waits ask again. */
    private static final long POLL_MILLIS = 200;

    @Inject
    protected BundleContext bundleContext;

    /** Injected once the Karaf shell is up (the shell registers it asynchronously, hence the timeout). */
    @Inject
    @Filter(timeout = 60_000)
    protected SessionFactory sessionFactory;

    // ------------------------------------------------------------------------------------------------
    // Container configuration (test JVM)
    // ------------------------------------------------------------------------------------------------

    @Configuration
    public Option[] config() {
        String projectVersion = requiredProperty("project.version");
        String karafVersion = requiredProperty("karaf.version");
        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("user.home") + "/.m2/repository");
        int httpPort = freePort();
        int sshPort = freePort();
        int rmiRegistryPort = freePort();
        int rmiServerPort = freePort();

        // -Dwubu.it.distribution=<URL> (file:..., mvn:...) tests another tarball than the installed assembly.
        String distribution = System.getProperty(DISTRIBUTION_PROPERTY);
        if (distribution == null || distribution.isBlank()) {
            distribution = maven().groupId("org.wubu").artifactId("karaf-assembly")
                    .version(projectVersion).type("tar.gz").getURL();
        }

        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(distribution)
                    .name("Wubu")
                    .karafVersion(karafVersion)
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole(),
            // -Dwubu.it.logLevel=INFO (or DEBUG) when a run needs a closer look at data/log/karaf.log.
            logLevel(LogLevel.valueOf(System.getProperty(LOG_LEVEL_PROPERTY, "WARN").toUpperCase(java.util.Locale.ROOT))),
            // Fail in 90 s rather than Pax Exam's default 180 s when the container cannot come up.
            systemTimeout(90_000),

            // What bin/karaf adds on JDK 9+; without it karaf.log fills with OsgiLocator errors.
            // Pax Exam starts the JVM in the Karaf home, so relative paths resolve there.
            vmOptions(
                    "--add-reads=java.xml=java.logging",
                    "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                    "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                    "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                    "--add-opens", "java.base/java.security=ALL-UNNAMED",
                    "--add-opens", "java.base/java.net=ALL-UNNAMED",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                    "--add-opens", "java.base/java.util=ALL-UNNAMED",
                    "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                    "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                    "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                    "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                    "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                    "-Xmx512m"),

            // Resolve mvn: URLs (the exam feature, the probe's needs) from the build's local repository
            // and never from the network.
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.localRepository", localRepository),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.defaultRepositories",
                    "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots,"
                            + "${karaf.data.uri}kar@id=kar.repository@multi@snapshots,"
                            + new File(localRepository).toURI() + "@id=local.m2@snapshots"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.repositories", ""),

            // Free ports, so a running Wubu (8181/8101/1099/44444) or a parallel run does not collide.
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg",
                    "org.osgi.service.http.port", Integer.toString(httpPort)),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg",
                    "org.ops4j.pax.web.listening.addresses", "127.0.0.1"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(sshPort)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg",
                    "rmiRegistryPort", Integer.toString(rmiRegistryPort)),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg",
                    "rmiServerPort", Integer.toString(rmiServerPort)),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryHost", "127.0.0.1"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerHost", "127.0.0.1"),
            systemProperty(HTTP_PORT_PROPERTY).value(Integer.toString(httpPort)),
            systemProperty(SSH_PORT_PROPERTY).value(Integer.toString(sshPort)),
        };
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name
                    + " is not set: run the integration tests through Maven (mvn -pl itests verify)");
        }
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Lifecycle
    // ------------------------------------------------------------------------------------------------

    /**
     * Container: the probe starts as soon as the exam feature is up, which can be before the rest of the
     * boot features (Wubu's) are deployed. Wait for Karaf's {@link BootFinished} so tests see the whole
     * distribution and the container is never stopped in the middle of its boot deployment.
     */
    @Before
    public void awaitBootFinished() throws Exception {
        try {
            waitForService(BootFinished.class, null, Duration.ofSeconds(90));
        } catch (AssertionError noBoot) {
            redeployBootFeatures(noBoot);
        }
    }

    /**
     * Safety net. Karaf's boot deployment failed in CI while starting Derby ("Error restarting bundles: Activator
     * start error in bundle derby", NoClassDefFoundError org/osgi/framework/BundleActivator): Derby loaded every
     * package through DynamicImport-Package, whose first use needs Felix's global lock, and that lock request fails
     * when Felix interrupts the starting thread. The derby-imports fragment gives Derby static imports (see
     * DerbyWiringIT and README "For developers"). Should a boot deployment still fail, BootFinished never comes and
     * the container has no Wubu; the test then deploys the boot features once more, as an operator would, says so
     * loudly, and goes on; a second failure fails the test with its reason.
     */
    private void redeployBootFeatures(AssertionError noBoot) throws Exception {
        System.err.println("WARNING " + getClass().getSimpleName() + ": no BootFinished (" + noBoot.getMessage()
                + "); deploying the boot features again (Karaf's boot deployment failed; see data/log/karaf.log)");
        org.apache.karaf.features.FeaturesService features = waitForService(org.apache.karaf.features.FeaturesService.class, null,
                Duration.ofSeconds(30));
        org.osgi.service.cm.ConfigurationAdmin cm = waitForService(org.osgi.service.cm.ConfigurationAdmin.class, null, Duration.ofSeconds(30));
        Object boot = cm.getConfiguration("org.apache.karaf.features", null).getProperties().get("featuresBoot");
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (String name : String.valueOf(boot).split("[,()\\s]+")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        features.installFeatures(names, java.util.EnumSet.noneOf(org.apache.karaf.features.FeaturesService.Option.class));
        for (String name : names) {
            org.apache.karaf.features.Feature f = features.getFeature(name);
            if (f != null && !features.isInstalled(f)) {
                throw new AssertionError("boot feature " + name + " is still not installed after a second deployment", noBoot);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Shell (container)
    // ------------------------------------------------------------------------------------------------

    /** {@link #executeCommand(String, Duration)} with {@link #COMMAND_TIMEOUT}. */
    protected String executeCommand(String command) {
        return executeCommand(command, COMMAND_TIMEOUT);
    }

    /**
     * Runs a Karaf shell command as user {@code karaf} with role {@code admin} and returns what it
     * printed (plus its result, if any). Never throws: a failure or a timeout is returned as text
     * ({@code "COMMAND FAILED: ..."} / {@code "COMMAND TIMED OUT ..."}) after the output so far, so
     * tests can assert on it.
     */
    protected String executeCommand(String command, Duration timeout) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        InputStream in = new ByteArrayInputStream(new byte[0]);
        Session session = sessionFactory.create(in, out, out);

        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("karaf"));
        subject.getPrincipals().add(new RolePrincipal("admin"));

        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wubu-it-command");
            t.setDaemon(true);
            return t;
        });
        String trailer = "";
        try {
            Future<Object> future = executor.submit(() -> Subject.doAs(subject,
                    (PrivilegedExceptionAction<Object>) () -> session.execute(command)));
            Object result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (result != null) {
                out.println(String.valueOf(result));
            }
        } catch (TimeoutException e) {
            trailer = "COMMAND TIMED OUT after " + timeout + ": " + command;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.security.PrivilegedActionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            trailer = "COMMAND FAILED: " + command + "\n" + stackTrace(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            trailer = "COMMAND INTERRUPTED: " + command;
        } finally {
            executor.shutdownNow();
            out.flush();
            try {
                session.close();
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        return trailer.isEmpty() ? output : output + (output.endsWith("\n") || output.isEmpty() ? "" : "\n") + trailer;
    }

    private static String stackTrace(Throwable t) {
        StringWriter writer = new StringWriter();
        t.printStackTrace(new PrintWriter(writer));
        return writer.toString();
    }

    // ------------------------------------------------------------------------------------------------
    // HTTP (container)
    // ------------------------------------------------------------------------------------------------

    /** The HTTP port Pax Web listens on in this container. */
    protected static int httpPort() {
        String port = System.getProperty(HTTP_PORT_PROPERTY);
        if (port == null) {
            throw new IllegalStateException(HTTP_PORT_PROPERTY + " is not set in the container");
        }
        return Integer.parseInt(port);
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code path} (which starts with {@code /}). */
    protected static String url(String path) {
        return "http://127.0.0.1:" + httpPort() + path;
    }

    /** A GET without headers. */
    protected static HttpResult get(String path) {
        return http("GET", path, null, Collections.emptyMap());
    }

    /**
     * One HTTP request to this container. Never throws on 4xx/5xx; a connection failure is reported as
     * status {@code -1} with the exception text as body.
     *
     * @param body sent as UTF-8 when not null (Content-Type defaults to application/json then)
     */
    protected static HttpResult http(String method, String path, String body, Map<String, String> headers) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) new URL(url(path)).openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout((int) HTTP_REQUEST_TIMEOUT.toMillis());
            connection.setReadTimeout((int) HTTP_REQUEST_TIMEOUT.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            if (headers != null) {
                headers.forEach(connection::setRequestProperty);
            }
            if (body != null) {
                if (headers == null || headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                    connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
                }
                connection.setDoOutput(true);
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                connection.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream os = connection.getOutputStream()) {
                    os.write(bytes);
                }
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = "";
            if (stream != null) {
                try (InputStream s = stream) {
                    text = new String(s.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
            connection.getHeaderFields().forEach((k, v) -> {
                if (k != null) {
                    responseHeaders.put(k, v);
                }
            });
            return new HttpResult(status, text, connection.getContentType(), responseHeaders);
        } catch (IOException e) {
            return new HttpResult(-1, e.toString(), null, Collections.emptyMap());
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** An answer with its raw body. */
    protected record BytesAnswer(int status, Map<String, List<String>> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> name.equalsIgnoreCase(e.getKey())).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    /** One request as the demo account {@code user} with a raw body (or none); never throws on 4xx. */
    protected static BytesAnswer sendBytes(String method, String path, String user, Map<String, String> headers, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url(path)).openConnection();
        try {
            c.setRequestMethod(method);
            c.setConnectTimeout((int) HTTP_REQUEST_TIMEOUT.toMillis());
            c.setReadTimeout((int) HTTP_REQUEST_TIMEOUT.toMillis());
            c.setRequestProperty("Authorization", basicAuthHeader(user, DEMO_PASSWORD));
            headers.forEach(c::setRequestProperty);
            if (body != null) {
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            byte[] bytes;
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                bytes = in == null ? new byte[0] : in.readAllBytes();
            }
            Map<String, List<String>> h = new HashMap<>();
            c.getHeaderFields().forEach((k, v) -> {
                if (k != null) {
                    h.put(k, v);
                }
            });
            return new BytesAnswer(status, h, bytes);
        } finally {
            c.disconnect();
        }
    }

    /** A header map with HTTP Basic credentials. */
    protected static Map<String, String> basicAuth(String user, String password) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", basicAuthHeader(user, password));
        return headers;
    }

    /** The value of an {@code Authorization} header for HTTP Basic. */
    protected static String basicAuthHeader(String user, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The top-level status of a {@code GET /api/health} body ({@code UP}, {@code DEGRADED}, ...). Not a search of the
     * body: every check in it has a {@code "status"} of its own, so "contains status UP" holds for a degraded platform.
     */
    protected static String healthStatus(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\{\"status\":\"([A-Z]+)\"").matcher(body);
        if (!m.find()) {
            throw new AssertionError("a health body starts with its status, got: " + body);
        }
        return m.group(1);
    }

    /**
     * Polls GET {@code path} every 200 ms until it answers 200 and returns that answer; fails with the
     * last answer when {@code timeout} runs out.
     */
    protected static HttpResult waitForHttp200(String path, Duration timeout) {
        return waitFor("GET " + path + " to answer 200", timeout, () -> get(path), r -> r.status() == 200);
    }

    /**
     * Polls GET {@code path} as the demo account {@code user} every 200 ms until it answers 200 and returns that
     * answer; fails with the last answer when {@code timeout} runs out.
     */
    protected static HttpResult waitForHttp200As(String user, String path, Duration timeout) {
        return waitForAnswer("GET " + path + " as " + user + " to answer 200", user, path, timeout, r -> r.status() == 200);
    }

    /**
     * Polls GET {@code path} as the demo account {@code user} every 200 ms until {@code done} holds for the
     * answer and returns it; fails naming {@code what} and the last answer when {@code timeout} runs out.
     */
    protected static HttpResult waitForAnswer(String what, String user, String path, Duration timeout,
            Predicate<HttpResult> done) {
        return waitFor(what, timeout, () -> http("GET", path, null, as(user)), done);
    }

    /**
     * Polls GET {@code path} every 200 ms until Pax Web answers anything (any status, 404 included)
     * and returns that answer; fails when {@code timeout} runs out with the connection still refused.
     */
    protected static HttpResult waitForHttpReachable(String path, Duration timeout) {
        return waitFor("GET " + path + " to get any HTTP answer", timeout, () -> get(path), r -> r.status() > 0);
    }

    // ------------------------------------------------------------------------------------------------
    // Services (container)
    // ------------------------------------------------------------------------------------------------

    /**
     * Waits up to {@code timeout} for a service of {@code type} matching {@code filter} (an LDAP filter,
     * or null for any) and returns it; fails when none shows up.
     */
    protected <T> T waitForService(Class<T> type, String filter, Duration timeout) {
        BundleContext context = bundleContext != null ? bundleContext
                : FrameworkUtil.getBundle(getClass()).getBundleContext();
        String objectClass = "(" + org.osgi.framework.Constants.OBJECTCLASS + "=" + type.getName() + ")";
        String fullFilter = filter == null || filter.isBlank() ? objectClass : "(&" + objectClass + filter + ")";
        ServiceTracker<T, T> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter(fullFilter), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Bad filter " + fullFilter, e);
        }
        tracker.open(true);
        try {
            T service = tracker.waitForService(timeout.toMillis());
            if (service == null) {
                throw new AssertionError("No service " + fullFilter + " within " + timeout);
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + fullFilter, e);
        } finally {
            // The returned object stays usable for the test; the tracker only held a reference count.
            tracker.close();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Bounded waits (container)
    // ------------------------------------------------------------------------------------------------

    /**
     * Takes {@code probe} every 200 ms until {@code done} holds for what it returned, and returns that value;
     * fails naming {@code what} and the last value when {@code timeout} runs out. Things happen in the
     * background (demo data, approvals applied, schedulers): tests wait for them with this, never without a bound.
     */
    protected static <T> T waitFor(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T last = probe.get();
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("Waited " + timeout + " in vain for " + what + "; last: " + last);
            }
            sleep(POLL_MILLIS);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Demo mode (container; the test sets mode=demo in etc/org.wubu.platform.cfg)
    // ------------------------------------------------------------------------------------------------

    /**
     * HTTP Basic headers for the demo account {@code user} (password {@link #DEMO_PASSWORD}) with a JSON
     * Content-Type; a new map on every call, so a test may add headers (an Idempotency-Key) to it.
     */
    protected static Map<String, String> as(String user) {
        Map<String, String> headers = new LinkedHashMap<>(basicAuth(user, DEMO_PASSWORD));
        headers.put("Content-Type", "application/json");
        return headers;
    }

    /** Waits (bounded) until the demo account created last logs in: then every demo account exists. */
    protected static void waitForDemoAccounts() {
        waitFor("the demo account '" + LAST_DEMO_ACCOUNT + "' to log in (demo mode creates it last)", DEMO_READY_TIMEOUT,
                () -> http("GET", "/api/security/me", null, basicAuth(LAST_DEMO_ACCOUNT, DEMO_PASSWORD)),
                r -> r.status() == 200);
    }

    /** Waits (bounded) for the demo accounts and the demo products (written in one transaction: one means all). */
    protected static void waitForDemoProducts() {
        waitForDemoAccounts();
        waitForHttp200As(LAST_DEMO_ACCOUNT, "/api/catalog/products/" + DEMO_PRODUCT, DEMO_READY_TIMEOUT);
    }

    /** Waits (bounded) until the orders demo mode places at start are listed (read by the CS manager); returns the list. */
    protected static HttpResult waitForDemoOrders() {
        return waitForAnswer("the demo orders to be listed", "csmanager", "/api/orders", DEMO_READY_TIMEOUT,
                r -> r.status() == 200 && r.body().contains("\"id\""));
    }

    /**
     * Waits (bounded) until a listed demo product has at least {@code minStock} in stock and returns the one with
     * the most, so that a test may order from it.
     */
    protected static ListedProduct waitForListedDemoProduct(long minStock) {
        HttpResult listed = waitForAnswer("a listed demo product with at least " + minStock + " in stock", "csmanager",
                "/api/catalog/products?status=listed&limit=200", DEMO_READY_TIMEOUT, r -> {
                    ListedProduct best = r.status() == 200 ? ListedProduct.mostStocked(r.body()) : null;
                    return best != null && best.stock() >= minStock;
                });
        return ListedProduct.mostStocked(listed.body());
    }

    /** A listed product: its SKU, its price (a decimal in CNY) and its stock. */
    public record ListedProduct(String sku, String price, long stock) {

        private static final Pattern ITEM = Pattern.compile(
                "\"sku\":\"([^\"]+)\"[^{}]*?\"price\":\\{\"amount\":\"([0-9.]+)\"[^}]*\\},\"stock\":(\\d+)");

        /** The product with the most stock in a product list's JSON, or null when it lists none. */
        static ListedProduct mostStocked(String json) {
            ListedProduct best = null;
            Matcher m = ITEM.matcher(json);
            while (m.find()) {
                long stock = Long.parseLong(m.group(3));
                if (best == null || stock > best.stock()) {
                    best = new ListedProduct(m.group(1), m.group(2), stock);
                }
            }
            return best;
        }
    }

    // ------------------------------------------------------------------------------------------------

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    // ------------------------------------------------------------------------------------------------

    /** An HTTP answer: status ({@code -1} when no connection), body, Content-Type and headers. */
    public static final class HttpResult {
        private final int status;
        private final String body;
        private final String contentType;
        private final Map<String, List<String>> headers;

        public HttpResult(int status, String body, String contentType, Map<String, List<String>> headers) {
            this.status = status;
            this.body = body;
            this.contentType = contentType;
            this.headers = headers;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }

        /** The Content-Type header, or null. */
        public String contentType() {
            return contentType;
        }

        /** First value of a response header (case-insensitive name), or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public Map<String, List<String>> headers() {
            return headers;
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "..." : body;
            return "HTTP " + status + " [" + contentType + "] " + shown;
        }
    }
}
