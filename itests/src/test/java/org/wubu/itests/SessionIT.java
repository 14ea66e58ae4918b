package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The web login and personal API tokens on the real assembly in demo mode: the session cookie's
 * attributes, a new id for every login, CSRF protection of unsafe requests made with the cookie,
 * logout, and tokens created, used, listed without their secret and revoked.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SessionIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LOGIN = "{\"username\":\"planner\",\"password\":\"" + DEMO_PASSWORD + "\"}";

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"));
    }

    @Before
    public void demoAccountsReady() {
        waitForHttp200As("planner", "/api/security/me", WAIT);
    }

    /** A login: the cookie's session id and the CSRF token. */
    private record Login(String sessionId, String csrfToken, HttpResult answer) {
        Map<String, String> cookie() {
            Map<String, String> h = new HashMap<>();
            h.put("Cookie", "WUBU_SESSION=" + sessionId);
            return h;
        }

        Map<String, String> cookieAndCsrf() {
            Map<String, String> h = cookie();
            h.put("X-CSRF-Token", csrfToken);
            return h;
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** A JSON POST over a plain socket: the whole answer, status line, headers and body. */
    private static String rawPost(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", httpPort())) {
            socket.setSoTimeout((int) HTTP_REQUEST_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Login login() {
        HttpResult r = http("POST", "/api/session", LOGIN, Map.of("Content-Type", "application/json"));
        assertEquals(r.toString(), 200, r.status());
        String setCookie = r.header("Set-Cookie");
        assertNotNull("a session cookie: " + r.headers(), setCookie);
        Matcher m = Pattern.compile("^WUBU_SESSION=([A-Za-z0-9_-]{43});").matcher(setCookie);
        assertTrue(setCookie, m.find());
        String csrf = field(r.body(), "csrfToken");
        assertNotNull(r.body(), csrf);
        return new Login(m.group(1), csrf, r);
    }

    @Test
    public void aWebLoginGivesASafeCookieThatWorksUntilLogout() {
        Login first = login();
        String setCookie = first.answer().header("Set-Cookie");
        assertTrue(setCookie, setCookie.contains("HttpOnly"));
        assertTrue(setCookie, setCookie.contains("SameSite=Strict"));
        assertTrue(setCookie, setCookie.contains("Path=/"));
        assertTrue(first.answer().body(), first.answer().body().contains("\"username\":\"planner\""));
        assertTrue(first.answer().body(), first.answer().body().contains("\"catalog.price.propose\""));
        assertTrue(first.answer().body(), first.answer().body().contains("\"mustChangePassword\":false"));

        HttpResult me = http("GET", "/api/security/me", null, first.cookie());
        assertEquals(me.toString(), 200, me.status());
        assertTrue(me.body(), me.body().contains("\"username\":\"planner\""));
        HttpResult session = http("GET", "/api/session", null, first.cookie());
        assertEquals(session.toString(), 200, session.status());
        assertEquals(first.csrfToken(), field(session.body(), "csrfToken"));

        // Unsafe requests with the cookie need the CSRF header.
        String check = "{\"next\":\"abcdefgh\"}";
        HttpResult noCsrf = http("POST", "/api/security/password-check", check, first.cookie());
        assertEquals(noCsrf.toString(), 403, noCsrf.status());
        assertTrue(noCsrf.body(), noCsrf.body().contains("\"error\":\"csrf\""));
        Map<String, String> wrong = first.cookie();
        wrong.put("X-CSRF-Token", first.csrfToken().substring(1) + "x");
        assertEquals(403, http("POST", "/api/security/password-check", check, wrong).status());
        HttpResult withCsrf = http("POST", "/api/security/password-check", check, first.cookieAndCsrf());
        assertEquals(withCsrf.toString(), 200, withCsrf.status());

        // Every login is a new session with its own id (no fixation), even from a browser that has one.
        Map<String, String> again = first.cookie();
        again.put("Content-Type", "application/json");
        HttpResult relogin = http("POST", "/api/session", LOGIN, again);
        assertEquals(relogin.toString(), 200, relogin.status());
        assertFalse(relogin.header("Set-Cookie"), relogin.header("Set-Cookie").contains(first.sessionId()));
        assertEquals("the old session ended at the new login", 401, http("GET", "/api/security/me", null, first.cookie()).status());
        Login second = login();
        Login third = login();
        assertNotEquals(second.sessionId(), third.sessionId());
        assertNotEquals(second.csrfToken(), third.csrfToken());

        // Logout needs the CSRF header, then the cookie no longer works.
        assertEquals(403, http("DELETE", "/api/session", null, second.cookie()).status());
        HttpResult logout = http("DELETE", "/api/session", null, second.cookieAndCsrf());
        assertEquals(logout.toString(), 204, logout.status());
        assertTrue(logout.header("Set-Cookie"), logout.header("Set-Cookie").contains("Max-Age=0"));
        HttpResult after = http("GET", "/api/security/me", null, second.cookie());
        assertEquals(after.toString(), 401, after.status());
        assertTrue(after.body(), after.body().contains("\"error\":\"session-expired\""));
        assertNull("no Basic dialog for a browser session", after.header("WWW-Authenticate"));
        assertEquals("the other session lives on", 200, http("GET", "/api/security/me", null, third.cookie()).status());

        HttpResult anonymous = get("/api/session");
        assertEquals(anonymous.toString(), 401, anonymous.status());
        assertTrue(anonymous.body(), anonymous.body().contains("\"error\":\"unauthenticated\""));
    }

    @Test
    public void wrongPasswordsAndBadLoginsAreClearJsonAnswers() throws IOException {
        // HttpURLConnection drops the body of a 401 to a POST, so this one goes over a plain socket.
        String wrong = rawPost("/api/session", "{\"username\":\"planner\",\"password\":\"Wrong-pass-1\"}");
        assertTrue(wrong, wrong.startsWith("HTTP/1.1 401"));
        assertTrue(wrong, wrong.contains("\"error\":\"unauthenticated\""));
        assertTrue(wrong, wrong.contains("wrong username or password"));
        assertFalse(wrong, wrong.toLowerCase(java.util.Locale.ROOT).contains("set-cookie"));
        assertFalse(wrong, wrong.toLowerCase(java.util.Locale.ROOT).contains("www-authenticate"));
        HttpResult empty = http("POST", "/api/session", "{}", Map.of("Content-Type", "application/json"));
        assertEquals(empty.toString(), 400, empty.status());
        HttpResult form = http("POST", "/api/session", "username=planner&password=" + DEMO_PASSWORD,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals("a cross-site form cannot log in: " + form, 415, form.status());
        HttpResult garbage = http("POST", "/api/session", "{not json", Map.of("Content-Type", "application/json"));
        assertEquals(garbage.toString(), 400, garbage.status());
    }

    @Test
    public void aPersonalApiTokenWorksAsBearerUntilRevoked() {
        Map<String, String> asPlanner = new HashMap<>(basicAuth("planner", DEMO_PASSWORD));
        asPlanner.put("Content-Type", "application/json");
        HttpResult created = http("POST", "/api/security/me/tokens", "{\"name\":\"price sync\",\"expiresInDays\":30}", asPlanner);
        assertEquals(created.toString(), 201, created.status());
        String token = field(created.body(), "token");
        assertNotNull(created.body(), token);
        assertTrue(token, token.startsWith("wubu_"));
        Matcher idMatch = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        assertTrue(created.body(), idMatch.find());
        String id = idMatch.group(1);

        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        HttpResult me = http("GET", "/api/security/me", null, bearer);
        assertEquals(me.toString(), 200, me.status());
        assertTrue(me.body(), me.body().contains("\"username\":\"planner\""));

        HttpResult list = http("GET", "/api/security/me/tokens", null, bearer);
        assertEquals(list.toString(), 200, list.status());
        assertTrue(list.body(), list.body().contains("\"name\":\"price sync\""));
        assertTrue(list.body(), list.body().contains("\"status\":\"active\""));
        assertFalse("never the secret again: " + list.body(), list.body().contains(token));
        assertFalse(list.body(), list.body().contains("\"token\""));
        assertEquals("someone else cannot revoke it", 404,
                http("DELETE", "/api/security/me/tokens/" + id, null, basicAuth("designer", DEMO_PASSWORD)).status());

        HttpResult revoked = http("DELETE", "/api/security/me/tokens/" + id, null, bearer);
        assertEquals(revoked.toString(), 204, revoked.status());
        HttpResult refused = http("GET", "/api/security/me", null, bearer);
        assertEquals(refused.toString(), 401, refused.status());
        assertEquals(401, http("GET", "/api/security/me", null, Map.of("Authorization", "Bearer wubu_invented")).status());
        HttpResult audit = http("GET", "/api/audit?subject=account:planner&limit=50", null, basicAuth("it", DEMO_PASSWORD));
        assertTrue(audit.body(), audit.body().contains("\"action\":\"security.token.create\""));
        assertTrue(audit.body(), audit.body().contains("\"action\":\"security.token.revoke\""));
    }
}
