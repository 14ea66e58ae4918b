package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * Staff accounts on the real assembly in demo mode: the password rules, throttling and locking
 * (audited), one login for REST, JAAS and SSH, and levels: a reader changes nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"),
                // Lock after 6 failures so that the test does not wait out long throttle delays.
                editConfigurationFilePut("etc/org.wubu.security.cfg", "login.lockAfter", "6"));
    }

    @Before
    public void demoAccountsReady() {
        waitForDemoAccounts();
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    public void passwordRulesAreNamedAndAGoodPasswordIsAccepted() {
        Map<String, String> rules = Map.of("1abcdefg", "starts-with-digit", "abcdefgh", "too-few-kinds", "password1", "common");
        for (Map.Entry<String, String> r : rules.entrySet()) {
            HttpResult check = http("POST", "/api/security/password-check", "{\"next\":" + json(r.getKey()) + "}", as("designer"));
            assertEquals(check.toString(), 200, check.status());
            assertTrue(r.getKey() + " → " + check.body(), check.body().contains("\"rule\":\"" + r.getValue() + "\""));
            assertTrue("both languages: " + check.body(), check.body().matches("(?s).*\"chinese\":\"[^\"]*密码.*"));
        }
        HttpResult refused = http("POST", "/api/security/me/password",
                "{\"current\":" + json(DEMO_PASSWORD) + ",\"next\":\"abcdefgh\"}", as("designer"));
        assertEquals(refused.toString(), 400, refused.status());
        assertTrue(refused.body(), refused.body().contains("\"error\":\"password-rejected\""));

        String user = "newhire" + (System.nanoTime() % 100000);
        HttpResult created = http("POST", "/api/security/accounts", "{\"username\":" + json(user)
                + ",\"displayName\":\"新同事\",\"roles\":[\"planner\"],\"level\":\"editor\",\"areas\":[\"catalog\"],\"password\":"
                + json(DEMO_PASSWORD) + "}", as("it"));
        assertEquals(created.toString(), 201, created.status());
        HttpResult first = http("GET", "/api/audit?limit=1", null, basicAuth(user, DEMO_PASSWORD));
        assertEquals("a new account must change its password first: " + first, 403, first.status());
        assertTrue(first.body(), first.body().contains("password-change-required"));
    }

    @Test
    public void wrongPasswordsThrottleThenLockAndTheAuditLogShowsIt() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, http("GET", "/api/security/me", null, basicAuth("warehouse", "Wrong-pass-" + i)).status());
        }
        HttpResult throttled = http("GET", "/api/security/me", null, basicAuth("warehouse", DEMO_PASSWORD));
        assertEquals("even the right password waits while throttled: " + throttled, 429, throttled.status());
        assertTrue(throttled.header("Retry-After") != null);
        sleep(1500);
        HttpResult locked = http("GET", "/api/security/me", null, basicAuth("warehouse", "Wrong-pass-6"));
        assertEquals(locked.toString(), 401, locked.status());
        assertTrue(locked.body(), locked.body().contains("locked until"));
        assertEquals(401, http("GET", "/api/security/me", null, basicAuth("warehouse", DEMO_PASSWORD)).status());

        HttpResult log = http("GET", "/api/audit?subject=account:warehouse&limit=50", null, basicAuth("it", DEMO_PASSWORD));
        assertTrue(log.body(), log.body().contains("\"action\":\"security.login.throttled\""));
        assertTrue(log.body(), log.body().contains("\"action\":\"security.account.locked\""));

        assertEquals(204, http("POST", "/api/security/accounts/warehouse/unlock", null, as("it")).status());
        assertEquals(200, http("GET", "/api/security/me", null, basicAuth("warehouse", DEMO_PASSWORD)).status());
    }

    @Test
    public void shellCommandsListAndUnlockAccounts() {
        String list = executeCommand("security:accounts");
        assertTrue(list, list.contains("planner") && list.contains("marketing-director"));
        String unlocked = executeCommand("security:unlock lead");
        assertTrue(unlocked, unlocked.contains("Account lead unlocked"));
        String missing = executeCommand("security:unlock nobody-here");
        assertTrue(missing, missing.contains("does not exist"));
    }

    @Test
    public void theSameAccountLogsInThroughJaasAndSsh() throws Exception {
        Subject subject = new Subject();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        try {
            LoginContext login = new LoginContext("karaf", subject, callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback) {
                        ((NameCallback) cb).setName("planner");
                    } else if (cb instanceof PasswordCallback) {
                        ((PasswordCallback) cb).setPassword(DEMO_PASSWORD.toCharArray());
                    }
                }
            });
            login.login();
            assertTrue(subject.getPrincipals(UserPrincipal.class).stream().anyMatch(p -> p.getName().equals("planner")));
            LoginContext wrong = new LoginContext("karaf", new Subject(), callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback) {
                        ((NameCallback) cb).setName("karaf");
                    } else if (cb instanceof PasswordCallback) {
                        ((PasswordCallback) cb).setPassword("karaf".toCharArray());
                    }
                }
            });
            try {
                wrong.login();
                throw new AssertionError("Karaf's default karaf/karaf must not work once staff accounts run");
            } catch (LoginException expected) {
                // refused
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }

        // A real SSH session with bin/client, as staff would use it.
        String sshPort = System.getProperty(SSH_PORT_PROPERTY);
        File client = new File(System.getProperty("karaf.home"), "bin/client");
        Process p = new ProcessBuilder(client.getAbsolutePath(), "-a", sshPort, "-h", "127.0.0.1", "-u", "it", "-p", DEMO_PASSWORD,
                "-r", "3", "-b").redirectErrorStream(true).start();
        p.getOutputStream().write("audit:verify\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue("bin/client finished", p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out, out.contains("Audit log intact"));
    }

    @Test
    public void aReaderChangesNothingAndAnEditorOnlyInItsScope() {
        String reader = "reader" + (System.nanoTime() % 100000);
        HttpResult created = http("POST", "/api/security/accounts", "{\"username\":" + json(reader)
                + ",\"displayName\":\"只读用户\",\"roles\":[\"it-admin\"],\"level\":\"reader\",\"areas\":[\"*\"],\"password\":"
                + json(DEMO_PASSWORD) + "}", as("it"));
        assertEquals(created.toString(), 201, created.status());
        // As IT, mark the account as not needing a change for this test: reset then change as the user.
        HttpResult change = http("POST", "/api/security/me/password",
                "{\"current\":" + json(DEMO_PASSWORD) + ",\"next\":\"Reader-pass-2026\"}", as(reader));
        assertEquals(change.toString(), 204, change.status());
        Map<String, String> asReader = new HashMap<>(basicAuth(reader, "Reader-pass-2026"));
        asReader.put("Content-Type", "application/json");
        assertEquals("a reader may read: ", 200, http("GET", "/api/audit?limit=1", null, asReader).status());
        HttpResult refused = http("POST", "/api/security/accounts", "{\"username\":\"x" + reader
                + "\",\"displayName\":\"x\",\"roles\":[\"planner\"],\"level\":\"reader\",\"areas\":[],\"password\":" + json(DEMO_PASSWORD) + "}", asReader);
        assertEquals("a reader changes nothing, even with an admin role: " + refused, 403, refused.status());

        HttpResult me = http("GET", "/api/security/me", null, basicAuth("planner", DEMO_PASSWORD));
        assertTrue(me.body(), me.body().contains("\"catalog.price.propose\""));
        assertTrue("cms is outside the planner's scope: " + me.body(), !me.body().contains("cms.draft.edit"));
        assertEquals(403, http("GET", "/api/security/accounts", null, basicAuth("planner", DEMO_PASSWORD)).status());
        assertEquals(401, get("/api/security/accounts").status());
    }


    /**
     * Every servlet registered in the API context declares what it needs (service property
     * wubu.api.permission); anonymous callers get 401 from all but the public ones, and a caller
     * without a declared permission gets 403.
     */
    @Test
    public void everyRegisteredEndpointRefusesAnonymousCallersAndCallersWithoutItsPermission() throws Exception {
        ServiceReference<?>[] servlets = bundleContext.getServiceReferences("javax.servlet.Servlet",
                "(osgi.http.whiteboard.context.select=*wubu.api*)");
        assertTrue("API servlets are registered", servlets != null && servlets.length >= 6);
        StringBuilder checked = new StringBuilder();
        int withPermission = 0;
        for (ServiceReference<?> ref : servlets) {
            Object declared = ref.getProperty("wubu.api.permission");
            String owner = ref.getBundle().getSymbolicName();
            assertTrue(owner + " registers an API servlet without declaring wubu.api.permission", declared instanceof String);
            for (String pattern : patterns(ref.getProperty("osgi.http.whiteboard.servlet.pattern"))) {
                if ("public".equals(declared) || pattern.equals("/")) {
                    continue;
                }
                String path = "/api" + pattern.replace("/*", "");
                HttpResult anonymous = get(path);
                assertEquals("anonymous " + path + " (" + owner + ")", 401, anonymous.status());
                assertTrue(anonymous.body(), anonymous.body().contains("\"error\""));
                checked.append(path).append(' ');
                if (!"authenticated".equals(declared)) {
                    withPermission++;
                    // Delivery holds orders permissions only: none of catalog.read, audit.read, backup.read.
                    HttpResult refused = http("GET", path, null, basicAuth("delivery", DEMO_PASSWORD));
                    assertEquals("delivery lacks " + declared + " for " + path, 403, refused.status());
                }
            }
        }
        assertTrue("checked " + checked, checked.toString().contains("/api/audit"));
        assertTrue("at least one endpoint with its own permission", withPermission > 0);
    }

    private static java.util.List<String> patterns(Object property) {
        if (property instanceof String[]) {
            return java.util.Arrays.asList((String[]) property);
        }
        return property == null ? java.util.List.of() : java.util.List.of(String.valueOf(property));
    }
}
