package org.wubu.approvals.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.wubu.approvals.api.ApprovalEvents;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.approvals.api.ApprovalKind;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalStep;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.audit.AuditEntry;
import org.wubu.platform.api.audit.AuditPage;
import org.wubu.platform.api.audit.AuditQuery;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.chain.ChainHead;
import org.wubu.platform.api.chain.ChainVerification;

/** What the engine's tests share: a fresh Derby with the bundle's migration, and fakes that record calls. */
final class Fixtures {

    static final String PRICE_CHANGE = "catalog.price-change";

    private Fixtures() {
    }

    /** A new embedded Derby under target/ with the tables of V1__approvals.sql. */
    static EmbeddedDataSource database() throws Exception {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "approvals-");
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        String script = Files.readString(Path.of("src/main/resources/db/migration/V1__approvals.sql"), StandardCharsets.UTF_8)
                .replaceAll("(?m)--.*$", "");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
        return ds;
    }

    static EntityManagerFactory persistenceUnit(EmbeddedDataSource ds) {
        return Persistence.createEntityManagerFactory("wubu-approvals", Map.of("javax.persistence.nonJtaDataSource", ds));
    }

    static void shutdown(EmbeddedDataSource ds) {
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection();
        } catch (SQLException expected) {
            // shut down
        }
    }

    /** The shop's clock, set by the test. */
    static final class TestClock implements ShopClock {

        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T02:00:00Z"));

        @Override
        public Instant now() {
            return now.get();
        }

        @Override
        public ZoneId zone() {
            return ZoneId.of("Asia/Shanghai");
        }

        void advance(Duration d) {
            now.set(now.get().plus(d));
        }
    }

    /** The catalog's price changes, as the catalog area would register them. */
    static final class PriceChanges implements ApprovalHandler {

        final List<Long> applied = new CopyOnWriteArrayList<>();
        volatile int failures;
        volatile int attempts;

        @Override
        public ApprovalKind kind() {
            return new ApprovalKind(PRICE_CHANGE, "Price change", "调价", List.of(
                    ApprovalStep.role("marketing-director", "Marketing director", "市场总监"),
                    ApprovalStep.permission("catalog.price.approve", "Price approver", "价格审批人")),
                    Duration.ofHours(48));
        }

        @Override
        public void validate(Caller requester, String payload) {
            requester.require("catalog.price.propose");
            if (!payload.contains("\"price\"")) {
                throw new ValidationException("a price change needs the new price", Map.of("price", "missing"));
            }
        }

        @Override
        public String render(ApprovalRequest request, Locale locale) {
            return "zh".equals(locale.getLanguage()) ? "SKU-1 调价为 119.00" : "Price of SKU-1 → 119.00";
        }

        @Override
        public void apply(ApprovalRequest request) throws Exception {
            attempts++;
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("the price service is busy");
            }
            applied.add(request.id());
        }
    }

    static final class RecordingAudit implements AuditService {

        final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

        @Override
        public AuditEntry record(Caller actor, String action, String subject, String details) {
            AuditEntry e = new AuditEntry(entries.size() + 1, Instant.now(), actor.username(), action, subject, details, "", "");
            entries.add(e);
            return e;
        }

        List<String> actions(String subject) {
            return entries.stream().filter(e -> e.subject().equals(subject)).map(e -> e.actor() + " " + e.action())
                    .collect(Collectors.toList());
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
            return entries.size();
        }
    }

    static final class RecordingEvents implements EventAdmin {

        final List<Event> posted = new CopyOnWriteArrayList<>();

        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            posted.add(event);
        }

        List<String> topics(long id) {
            return posted.stream().filter(e -> Long.valueOf(id).equals(e.getProperty(ApprovalEvents.ID)))
                    .map(Event::getTopic).collect(Collectors.toList());
        }
    }
}
