package org.wubu.console.internal;

import java.util.Locale;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

/** The console's two languages: zh-CN (the shop's default) and English, and how a request names one. */
final class Languages {

    /** Cookie the console's language switch sets (the browser also keeps it in localStorage). */
    static final String COOKIE = "wubu_lang";

    private Languages() {
    }

    /** {@code zh-CN} or {@code en} for one of the console's locales. */
    static String tag(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh-CN";
    }

    /** The locale for a tag such as {@code en}, {@code en-US}, {@code zh-CN}; zh-CN for anything else. */
    static Locale of(String tag) {
        if (tag != null && tag.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    /** True for the tags the console serves: {@code zh-CN} and {@code en}. */
    static boolean known(String tag) {
        return "zh-CN".equals(tag) || "en".equals(tag);
    }

    /** The request's language: {@code ?lang=}, else the language cookie, else zh-CN. */
    static Locale of(HttpServletRequest req) {
        String lang = req.getParameter("lang");
        if (lang == null && req.getCookies() != null) {
            for (Cookie c : req.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    lang = c.getValue();
                }
            }
        }
        return of(lang);
    }
}
