package org.wubu.security.internal;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** An earlier password hash of an account. */
@Entity
@Table(name = "SEC_PASSWORD_HISTORY")
public class PasswordHistoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "USERNAME")
    String username;

    @Column(name = "PASSWORD_HASH")
    String passwordHash;

    @Column(name = "CHANGED_AT")
    LocalDateTime changedAt;

    protected PasswordHistoryEntity() {
    }

    PasswordHistoryEntity(String username, String passwordHash, LocalDateTime changedAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.changedAt = changedAt;
    }
}
