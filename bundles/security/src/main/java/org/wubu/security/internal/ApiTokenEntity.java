package org.wubu.security.internal;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.wubu.security.api.ApiToken;

/** A stored personal API token: its SHA-256 hash, never the token. Times are UTC. */
@Entity
@Table(name = "SEC_API_TOKEN")
public class ApiTokenEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "USERNAME")
    String username;

    @Column(name = "NAME")
    String name;

    @Column(name = "TOKEN_HASH")
    String tokenHash;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    @Column(name = "EXPIRES_AT")
    LocalDateTime expiresAt;

    @Column(name = "LAST_USED_AT")
    LocalDateTime lastUsedAt;

    @Column(name = "REVOKED_AT")
    LocalDateTime revokedAt;

    ApiToken toToken() {
        return new ApiToken(id, username, name, AccountEntity.instant(createdAt), AccountEntity.instant(expiresAt),
                AccountEntity.instant(lastUsedAt), AccountEntity.instant(revokedAt));
    }
}
