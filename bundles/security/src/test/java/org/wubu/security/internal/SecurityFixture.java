package org.wubu.security.internal;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.rules.ExternalResource;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.audit.AuditEntry;
import org.wubu.platform.api.audit.AuditPage;
import org.wubu.platform.api.audit.AuditQuery;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.chain.ChainHead;
import org.wubu.platform.api.chain.ChainVerification;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * A fresh security store for one test: embedded Derby under target/ with every migration of the
 * bundle applied in order, EclipseLink, an AccountManager in production mode (so it creates the
 * first administrator), a clock the test moves, and an audit log that remembers "action subject".
 */
class SecurityFixture extends ExternalResource {

    final List<String> audited = new ArrayList<>();
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T02:00:00Z"));
    EmbeddedDataSource ds;
    EntityManagerFactory emf;
    AccountManager accounts;
    /** The first administrator created in production mode. */
    Caller it;
    Path dataFolder;

    @Override
    protected void before() throws Exception {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        dataFolder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "security-");
        System.setProperty("karaf.data", dataFolder.toString());
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(dataFolder.resolve("db").toString());
        ds.setCreateDatabase("create");
        List<Path> scripts;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/db/migration"))) {
            scripts = s.sorted().collect(java.util.stream.Collectors.toList());
        }
        for (Path file : scripts) {
            String script = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String sql : script.split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
        }
        emf = Persistence.createEntityManagerFactory("wubu-security", Map.of("javax.persistence.nonJtaDataSource", ds));
        ConfiguredRoleCatalog roles = new ConfiguredRoleCatalog();
        roles.configure(Map.of());
        accounts = new AccountManager(emf, new SchemaReady() { }, clock(), audit(), roles, platform(false), config());
        accounts.deactivate(); // waits for the initial accounts
        it = accounts.callerOfExisting("admin");
    }

    @Override
    protected void after() {
        emf.close();
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection();
        } catch (SQLException expected) {
            // shut down
        }
    }

    ShopClock clock() {
        return new ShopClock() {
            @Override
            public Instant now() {
                return now.get();
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of("Asia/Shanghai");
            }
        };
    }

    AuditService audit() {
        return new AuditService() {
            @Override
            public AuditEntry record(Caller actor, String action, String subject, String details) {
                audited.add(action + " " + subject);
                return null;
            }

            @Override
            public AuditPage list(Caller caller, AuditQuery query) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ChainVerification verify(Caller caller) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<ChainHead> head() {
                return Optional.empty();
            }

            @Override
            public long count() {
                return audited.size();
            }
        };
    }

    static PlatformInfo platform(boolean demo) {
        return new PlatformInfo() {
            @Override
            public Mode mode() {
                return demo ? Mode.DEMO : Mode.PRODUCTION;
            }

            @Override
            public String shopName() {
                return "五步商城";
            }

            @Override
            public Currency currency() {
                return Currency.getInstance("CNY");
            }

            @Override
            public String version() {
                return "test";
            }
        };
    }

    static SecurityConfig config() {
        return new SecurityConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SecurityConfig.class;
            }

            @Override public int password_minLength() { return 8; }
            @Override public boolean password_noLeadingDigit() { return true; }
            @Override public int password_minKinds() { return 2; }
            @Override public boolean password_rejectCommon() { return true; }
            @Override public int password_history() { return 5; }
            @Override public int password_maxAgeDays() { return 90; }
            @Override public int password_warnDays() { return 14; }
            @Override public int login_throttleAfter() { return 5; }
            @Override public int login_lockAfter() { return 10; }
            @Override public int login_lockMinutes() { return 15; }
        };
    }
}
