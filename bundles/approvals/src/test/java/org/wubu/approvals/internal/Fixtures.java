package org.wubu.approvals.internal;

import org.wubu.testsupport.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.wubu.platform.api.ValidationException;

/** What the engine's tests share: a fresh Derby with the bundle's migration, and fakes that record calls. */
final class Fixtures {

    static final String PRICE_CHANGE = "catalog.price-change";

    private Fixtures() {
    }

    /** A new embedded Derby under target/ with the bundle's migrations applied. */
    static EmbeddedDataSource database() throws Exception {
        return TestDatabase.withMigrations("approvals").dataSource;
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
