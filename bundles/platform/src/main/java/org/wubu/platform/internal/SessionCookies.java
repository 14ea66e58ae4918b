package org.wubu.platform.internal;

import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.wubu.platform.api.login.WebSessions;

/** The {@link WebSessions#COOKIE} cookie: reading it and writing it with the right attributes. */
final class SessionCookies {

    /** Request attribute holding the {@link org.wubu.platform.api.login.WebSession} a request came with. */
    static final String SESSION_ATTRIBUTE = "org.wubu.session";

    private SessionCookies() {
    }

    /** Every value of the session cookie the request carries (normally one). */
    static List<String> values(HttpServletRequest request) {
        List<String> values = new ArrayList<>();
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (WebSessions.COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                    values.add(c.getValue());
                }
            }
        }
        return values;
    }

    /**
     * Sets the cookie. The Servlet 4 {@link Cookie} has no SameSite attribute, so the header is
     * written by hand. No Max-Age: the browser forgets it when it closes; the server ends it sooner.
     */
    static void set(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        response.addHeader("Set-Cookie", WebSessions.COOKIE + "=" + sessionId + attributes(request));
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", WebSessions.COOKIE + "=; Max-Age=0" + attributes(request));
    }

    private static String attributes(HttpServletRequest request) {
        return "; Path=/; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : "");
    }
}
