package org.wubu.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.security.api.AccountService;
import org.wubu.security.api.ApiToken;
import org.wubu.security.api.NewApiToken;
import org.wubu.security.api.TokenService;

/**
 * Storage of personal API tokens. A token is {@code wubu_} and 32 random bytes (base64url); only
 * its SHA-256 hash is stored. A fast, unsalted hash is right here, unlike for passwords: the token
 * has 256 bits of entropy, so there is nothing to guess or to look up in a precomputed table, and
 * an exact hash lets a login find the token with one indexed query.
 */
final class ApiTokens {

    static final String PREFIX = "wubu_";
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** LAST_USED_AT is written at most this often per token. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final EntityManagerFactory emf;
    private final ShopClock clock;
    private final AuditService audit;

    ApiTokens(EntityManagerFactory emf, ShopClock clock, AuditService audit) {
        this.emf = emf;
        this.clock = clock;
        this.audit = audit;
    }

    NewApiToken create(Caller caller, String name, Integer expiresInDays) {
        String n = name == null ? "" : name.trim();
        int days = expiresInDays == null ? TokenService.DEFAULT_EXPIRY_DAYS : expiresInDays;
        Map<String, Object> errors = new java.util.LinkedHashMap<>();
        if (n.isEmpty() || n.length() > 100) {
            errors.put("name", "required, at most 100 characters: what the token is for");
        }
        if (days < 1 || days > TokenService.MAX_EXPIRY_DAYS) {
            errors.put("expiresInDays", "1 to " + TokenService.MAX_EXPIRY_DAYS + " (default " + TokenService.DEFAULT_EXPIRY_DAYS + ")");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the token has invalid fields: " + String.join(", ", errors.keySet()), errors);
        }
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        Instant now = clock.now();
        EntityManager em = emf.createEntityManager();
        ApiTokenEntity t = new ApiTokenEntity();
        try {
            em.getTransaction().begin();
            if (em.find(AccountEntity.class, caller.username()) == null) {
                throw new WubuException("no-account", "only staff accounts can have API tokens; '" + caller.username()
                        + "' is not one");
            }
            long active = em.createQuery("SELECT COUNT(t) FROM ApiTokenEntity t WHERE t.username = :u AND t.revokedAt IS NULL"
                    + " AND t.expiresAt > :now", Long.class).setParameter("u", caller.username())
                    .setParameter("now", AccountEntity.utc(now)).getSingleResult();
            if (active >= TokenService.MAX_ACTIVE) {
                throw new WubuException("too-many-tokens", "an account may have at most " + TokenService.MAX_ACTIVE
                        + " active API tokens; revoke one first");
            }
            t.username = caller.username();
            t.name = n;
            t.tokenHash = hash(secret);
            t.createdAt = AccountEntity.utc(now);
            t.expiresAt = AccountEntity.utc(now.plus(Duration.ofDays(days)));
            em.persist(t);
            em.getTransaction().commit();
        } finally {
            rollbackIfActive(em);
        }
        audit.record(caller, "security.token.create", "account:" + t.username,
                "token " + t.id + " '" + t.name + "', expires " + AccountEntity.instant(t.expiresAt));
        return new NewApiToken(t.toToken(), secret);
    }

    List<ApiToken> list(Caller caller, String username) {
        if (!caller.username().equals(username)) {
            caller.require(AccountService.MANAGE);
        }
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.username = :u ORDER BY t.createdAt DESC, t.id DESC",
                    ApiTokenEntity.class).setParameter("u", username).getResultList().stream()
                    .map(ApiTokenEntity::toToken).collect(Collectors.toList());
        } finally {
            em.close();
        }
    }

    ApiToken revoke(Caller caller, long id) {
        Instant now = clock.now();
        EntityManager em = emf.createEntityManager();
        ApiTokenEntity t;
        boolean changed = false;
        try {
            em.getTransaction().begin();
            t = em.find(ApiTokenEntity.class, id);
            // Someone else's token is "not found" unless the caller may manage accounts: ids say nothing.
            if (t == null || !(t.username.equals(caller.username()) || caller.hasPermission(AccountService.MANAGE))) {
                throw new NotFoundException("API token", Long.toString(id));
            }
            if (t.revokedAt == null) {
                t.revokedAt = AccountEntity.utc(now);
                changed = true;
            }
            em.getTransaction().commit();
        } finally {
            rollbackIfActive(em);
        }
        if (changed) {
            audit.record(caller, "security.token.revoke", "account:" + t.username, "token " + t.id + " '" + t.name + "'"
                    + (t.username.equals(caller.username()) ? "" : ", by " + caller.username()));
        }
        return t.toToken();
    }

    /** The stored token with this secret, or null. */
    ApiTokenEntity find(String secret) {
        EntityManager em = emf.createEntityManager();
        try {
            List<ApiTokenEntity> found = em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.tokenHash = :h", ApiTokenEntity.class)
                    .setParameter("h", hash(secret)).getResultList();
            return found.isEmpty() ? null : found.get(0);
        } finally {
            em.close();
        }
    }

    /** Notes a use, at most once a minute per token; a failure here never refuses the login. */
    void used(ApiTokenEntity t, Instant now) {
        Instant last = AccountEntity.instant(t.lastUsedAt);
        if (last != null && now.isBefore(last.plus(LAST_USED_PRECISION))) {
            return;
        }
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            LocalDateTime at = AccountEntity.utc(now);
            em.createQuery("UPDATE ApiTokenEntity t SET t.lastUsedAt = :now WHERE t.id = :id")
                    .setParameter("now", at).setParameter("id", t.id).executeUpdate();
            em.getTransaction().commit();
            t.lastUsedAt = at;
        } catch (RuntimeException e) {
            LOG.warn("Could not note the use of API token {}: {}", t.id, e.getMessage());
        } finally {
            rollbackIfActive(em);
        }
    }

    /** Hex SHA-256 of the token (see the class comment for why a fast hash is right). */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void rollbackIfActive(EntityManager em) {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
    }
}
