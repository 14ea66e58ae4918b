package org.wubu.security.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.wubu.security.api.AccountStatus;
import org.wubu.security.api.Level;
import org.wubu.security.api.StaffAccount;

/** The stored account. Times are UTC. */
@Entity
@Table(name = "SEC_ACCOUNT")
public class AccountEntity {

    @Id
    @Column(name = "USERNAME")
    String username;

    @Column(name = "DISPLAY_NAME")
    String displayName;

    @Column(name = "PHONE")
    String phone;

    @Column(name = "ROLES")
    String roles;

    @Column(name = "ACCESS_LEVEL")
    String level;

    @Column(name = "AREAS")
    String areas;

    @Column(name = "STATUS")
    String status;

    @Column(name = "PASSWORD_HASH")
    String passwordHash;

    @Column(name = "PASSWORD_CHANGED_AT")
    LocalDateTime passwordChangedAt;

    @Column(name = "MUST_CHANGE")
    boolean mustChange;

    @Column(name = "FAILED_LOGINS")
    int failedLogins;

    @Column(name = "LOCKED_UNTIL")
    LocalDateTime lockedUntil;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    @Version
    @Column(name = "VERSION")
    long version;

    Set<String> roleSet() {
        return split(roles);
    }

    Set<String> areaSet() {
        return split(areas);
    }

    static String join(Set<String> names) {
        return String.join(",", new TreeSet<>(names));
    }

    private static Set<String> split(String s) {
        return s == null || s.isBlank() ? Set.of()
                : Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).collect(Collectors.toSet());
    }

    static LocalDateTime utc(Instant i) {
        return i == null ? null : LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    StaffAccount toAccount() {
        return new StaffAccount(username, displayName, phone, roleSet(), Level.valueOf(level), areaSet(),
                AccountStatus.valueOf(status), instant(passwordChangedAt), mustChange, instant(lockedUntil), version);
    }
}
