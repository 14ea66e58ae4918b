package org.wubu.security.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.rules.ExternalResource;
import org.wubu.testsupport.MovableClock;
import org.wubu.testsupport.TestDatabase;
import org.wubu.testsupport.RecordingAudit;
import org.wubu.testsupport.TestPlatform;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.persistence.SchemaReady;

/**
 * A fresh security store for one test: embedded Derby under target/ with every migration of the
 * bundle applied in order, EclipseLink, an AccountManager in production mode (so it creates the
 * first administrator), a clock the test moves, and an audit log that remembers "action subject".
 */
class SecurityFixture extends ExternalResource {

    private final RecordingAudit audit = new RecordingAudit();
    /** "action subject" of every audit entry, in order. */
    final List<String> audited = audit.recorded;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T02:00:00Z"));
    TestDatabase database;
    EmbeddedDataSource ds;
    EntityManagerFactory emf;
    AccountManager accounts;
    /** The first administrator created in production mode. */
    Caller it;
    Path dataFolder;

    @Override
    protected void before() throws Exception {
        database = TestDatabase.withMigrations("security");
        ds = database.dataSource;
        dataFolder = database.folder;
        System.setProperty("karaf.data", dataFolder.toString());
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
        database.shutdown();
    }

    ShopClock clock() {
        return new MovableClock(now);
    }

    AuditService audit() {
        return audit;
    }

    static PlatformInfo platform(boolean demo) {
        return demo ? TestPlatform.DEMO : TestPlatform.PRODUCTION;
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
