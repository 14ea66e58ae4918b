package org.wubu.platform.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.login.LoginOutcome;
import org.wubu.platform.api.login.WebSession;
import org.wubu.platform.api.login.WebSessions;

/**
 * The platform's web sessions, in memory: a restart logs everyone out. Expired sessions are
 * removed when next touched and by a sweep every minute. A session's caller is a snapshot taken at
 * login: permission changes apply at the next login.
 */
@Component(service = WebSessions.class, configurationPid = "org.wubu.sessions", immediate = true)
@Designate(ocd = SessionConfig.class)
public class WebSessionStore implements WebSessions {

    private static final Logger LOG = LoggerFactory.getLogger(WebSessionStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final ConcurrentHashMap<String, WebSession> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    private volatile Duration idle;
    private volatile Duration absolute;
    private volatile int maxPerUser;

    @Activate
    public WebSessionStore(SessionConfig config) {
        this(Clock.systemUTC(), Duration.ofMinutes(30), Duration.ofHours(12), 20);
        modified(config);
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, 1, 1, TimeUnit.MINUTES);
    }

    /** For tests: no configuration, a controllable clock; call {@link #sweep()} directly. */
    WebSessionStore(Clock clock, Duration idle, Duration absolute, int maxPerUser) {
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
        this.maxPerUser = maxPerUser;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wubu-session-sweeper");
            t.setDaemon(true);
            return t;
        });
    }

    @Modified
    void modified(SessionConfig config) {
        idle = Duration.ofMinutes(atLeast(config.idleMinutes(), 1, "idleMinutes", 30));
        absolute = Duration.ofHours(atLeast(config.absoluteHours(), 1, "absoluteHours", 12));
        maxPerUser = atLeast(config.maxPerUser(), 1, "maxPerUser", 20);
        LOG.info("Web sessions: idle timeout {} min, absolute timeout {} h, at most {} per account",
                idle.toMinutes(), absolute.toHours(), maxPerUser);
    }

    private static int atLeast(int value, int min, String name, int dflt) {
        if (value < min) {
            LOG.error("{} = {} is below {}; using {}", name, value, min, dflt);
            return dflt;
        }
        return value;
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
    }

    @Override
    public WebSession create(LoginOutcome ok) {
        if (ok == null || !ok.ok() || ok.caller() == null) {
            throw new IllegalArgumentException("a web session needs a successful login");
        }
        Instant now = clock.instant();
        String id;
        WebSession session;
        synchronized (this) {
            do {
                id = randomToken();
            } while (sessions.containsKey(id));
            session = new WebSession(id, ok.caller(), randomToken(), now, now, ok.mustChangePassword(),
                    ok.passwordExpiresInDays());
            String user = ok.caller().username();
            List<WebSession> own = sessions.values().stream().filter(s -> s.caller().username().equals(user))
                    .sorted(Comparator.comparing(WebSession::createdAt)).collect(Collectors.toList());
            for (int i = 0; i <= own.size() - maxPerUser; i++) {
                sessions.remove(own.get(i).id());
                LOG.info("Session of {} from {} ended: more than {} sessions", user, own.get(i).createdAt(), maxPerUser);
            }
            sessions.put(id, session);
        }
        return session;
    }

    @Override
    public Optional<WebSession> touch(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        WebSession alive = sessions.computeIfPresent(sessionId, (id, s) -> expired(s, now) ? null : s.seenAt(now));
        return Optional.ofNullable(alive);
    }

    @Override
    public void end(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId);
        }
    }

    @Override
    public int endAll(String username) {
        int[] ended = {0};
        sessions.values().removeIf(s -> {
            boolean match = s.caller().username().equals(username);
            if (match) {
                ended[0]++;
            }
            return match;
        });
        return ended[0];
    }

    @Override
    public void passwordChanged(String username) {
        for (WebSession s : sessions.values()) {
            if (s.caller().username().equals(username)) {
                sessions.computeIfPresent(s.id(), (id, cur) -> new WebSession(cur.id(), cur.caller(), cur.csrfToken(),
                        cur.createdAt(), cur.lastSeen(), false, null));
            }
        }
    }

    /** Removes every expired session; returns how many. */
    int sweep() {
        Instant now = clock.instant();
        int before = sessions.size();
        sessions.values().removeIf(s -> expired(s, now));
        return before - sessions.size();
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.error("Sweeping expired web sessions failed: {}", e.getMessage(), e);
        }
    }

    int size() {
        return sessions.size();
    }

    private boolean expired(WebSession s, Instant now) {
        return !now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.createdAt().plus(absolute));
    }

    /** 32 bytes from a SecureRandom, base64url without padding (43 characters). */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
