package org.wubu.orders.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.wubu.orders.api.Intake;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderDraft;
import org.wubu.orders.api.OrderEvents;
import org.wubu.orders.api.OrderLifecycle;
import org.wubu.orders.api.OrderLine;
import org.wubu.orders.api.OrderLineDraft;
import org.wubu.orders.api.OrderPage;
import org.wubu.orders.api.OrderQuery;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.OrderState;
import org.wubu.orders.api.OrderStatus;
import org.wubu.orders.api.OrderSummary;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.PlatformInfo;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.Topics;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;
import org.wubu.platform.api.audit.AuditService;
import org.wubu.platform.api.chain.ChainHead;
import org.wubu.platform.api.chain.HashChain;
import org.wubu.platform.api.persistence.SchemaReady;
import org.wubu.platform.api.persistence.UnitOfWork;

/**
 * The orders area on plain JDBC. Intake claims the idempotency key first (a concurrent request with
 * the same key waits on it, then answers with the first order), checks the lines against the
 * catalog, then in one {@link UnitOfWork} reserves stock through the catalog, writes the header,
 * lines and the CREATED and ACCEPTED records and the audit entries: one commit, and on any failure
 * nothing is left (events follow the commit). Appends read the order's records, fold them ({@link OrderLifecycle}) and check
 * the new record against the result, all under the {@link ChainWriter}'s lock.
 */
// Immediate: it runs scheduled or background work, which a delayed component would lose whenever SCR
// disposes it for want of users (Felix SCR does so by default) and repeat at every re-activation.
@Component(service = {OrderService.class, OrderStore.class}, immediate = true)
@Designate(ocd = OrdersConfig.class)
public class OrderStore implements OrderService {

    static final int MAX_JOURNAL = 1000;
    /** Permission-free refusal when the catalog bundle is not running: intake needs it. */
    static final String CATALOG_NOT_RUNNING = "module-not-running";

    private final DataSource dataSource;
    private final ShopClock clock;
    private final AuditService audit;
    private final PlatformInfo platform;
    private final OrdersConfig config;
    private final UnitOfWork units;
    private final OrderTables tables = new OrderTables();
    private final ChainWriter writer;
    private final DemoOrders demo;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OrderCatalog catalog;

    @Activate
    public OrderStore(@Reference(target = "(osgi.jndi.service.name=" + UnitOfWork.DATA_SOURCE + ")") DataSource dataSource,
                      @Reference UnitOfWork units,
                      @Reference(target = "(" + SchemaReady.BUNDLE + "=org.wubu.orders)") SchemaReady schema,
                      @Reference ShopClock clock, @Reference AuditService audit, @Reference PlatformInfo platform,
                      OrdersConfig config) {
        this.dataSource = dataSource;
        this.units = units;
        this.writer = new ChainWriter(tables, units);
        this.clock = clock;
        this.audit = audit;
        this.platform = platform;
        this.config = config;
        this.demo = new DemoOrders(this, config.demoOrders());
        if (platform.isDemo()) {
            demo.start();
        }
    }

    @Deactivate
    public void deactivate() {
        demo.stop();
    }

    // ------------------------------------------------------------------ intake

    @Override
    public Intake place(Caller caller, String idempotencyKey, OrderDraft draft) {
        caller.require(CREATE);
        String key = OrderDrafts.key(idempotencyKey);
        OrderDraft d = OrderDrafts.validate(draft, config.maxLines(), platform.currency());
        String fingerprint = OrderDrafts.fingerprint(d);
        Placed placed;
        try {
            // Reads and writes on the unit's one connection; one commit (none when nothing was written).
            placed = units.run(() -> intake(caller, key, fingerprint, d));
        } catch (ClaimTaken taken) {
            // The same key was claimed concurrently and that order is now committed: answer with it.
            OrderTables.Claim first = read(r -> tables.claim(r, caller.username(), key))
                    .orElseThrow(() -> new IllegalStateException("idempotency key " + key + " vanished"));
            return replay(caller, key, fingerprint, first);
        } catch (SQLException e) {
            throw new IllegalStateException("the order could not be stored: " + e.getMessage(), e);
        }
        OrderState before = null;
        for (OrderRecord r : placed.written()) {
            OrderState after = r.kind() == RecordKind.CREATED ? OrderState.NEW : placed.intake().order().status().state();
            post(r, before, after);
            before = after;
        }
        return placed.intake();
    }

    /** Intake inside its unit of work: an earlier answer for the key, or the lines checked and the order stored. */
    private Placed intake(Caller caller, String key, String fingerprint, OrderDraft d) throws SQLException {
        // No read of the key first: a key used before makes the claim's INSERT fail (ClaimTaken, answered by place with
        // the first order) or, when its order took the last units, the pricing refuse (answered below). A new key, the
        // usual case, costs no extra statement.
        OrderCatalog cat = catalog;
        if (cat == null) {
            throw new WubuException(CATALOG_NOT_RUNNING, "orders cannot be placed while the catalog is not running",
                    Map.of("module", "catalog"));
        }
        List<OrderLine> lines;
        try {
            lines = priced(caller, cat, d);
        } catch (WubuException refused) {
            // A concurrent request with this key may have just placed the order and taken the last units
            // (delisting the product): a retry must get that order, not a refusal.
            Optional<OrderTables.Claim> meanwhile = read(c -> tables.claim(c, caller.username(), key));
            if (meanwhile.isPresent()) {
                return new Placed(replay(caller, key, fingerprint, meanwhile.get()), List.of());
            }
            throw refused;
        }
        Money total = lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
        return store(caller, cat, key, fingerprint, d, lines, total, Utc.millis(clock.now()));
    }

    /** What one intake answers, and the records it wrote (none for a replay). */
    private record Placed(Intake intake, List<OrderRecord> written) {
    }

    /** The idempotency key was claimed by a concurrent request first: its order is the answer. */
    private static final class ClaimTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimTaken() {
            super("idempotency key claimed concurrently", null, false, false);
        }
    }

    /**
     * Everything an order's intake writes, in ONE unit of work: the idempotency claim, the catalog's stock
     * reservation (with its ledger rows and audit entry), the order's rows and first records, and the
     * order's audit entry. One durable commit; any failure leaves nothing behind.
     */
    private Placed store(Caller caller, OrderCatalog cat, String key, String fingerprint, OrderDraft d, List<OrderLine> lines,
                         Money total, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) { // the unit's connection
            long orderId = tables.nextOrderId(c);
            try {
                tables.insertClaim(c, caller.username(), key, fingerprint, orderId, now);
            } catch (SQLException e) {
                if (OrderTables.isDuplicateKey(e)) {
                    throw new ClaimTaken();
                }
                throw e;
            }
            String reference = OrderEvents.subject(orderId);
            cat.reserveAll(caller, reference, lines.stream()
                    .map(l -> new OrderCatalog.Reservation(l.lineNo(), l.sku(), l.quantity())).collect(Collectors.toList()));
            StoredOrder stored = new StoredOrder(orderId, now, caller.username(), d.source(), d.customer(), d.address(), d.payment(),
                    total, d.note(), lines);
            List<OrderRecord> written = writer.append(c, (conn, head) -> {
                tables.insertOrder(conn, stored);
                OrderRecord created = RecordChain.seal(head.id() + 1, orderId, 1, RecordKind.CREATED, stored.createdPayload(),
                        caller.username(), now, null, HashChain.GENESIS, head.hash());
                OrderRecord accepted = RecordChain.seal(created.id() + 1, orderId, 2, RecordKind.ACCEPTED,
                        CanonicalJson.write(Map.of("by", "intake")), caller.username(), now, null, created.hash(), created.hash());
                tables.insertRecord(conn, created);
                tables.insertRecord(conn, accepted);
                tables.insertStatus(conn, orderId, OrderLifecycle.fold(List.of(created, accepted)));
                return new ChainWriter.Appended<>(List.of(created, accepted), new OrderTables.Head(accepted.id(), accepted.hash()));
            });
            Order order = stored.withStatus(OrderLifecycle.fold(written));
            audit.record(caller, "orders.order.created", OrderEvents.subject(order.id()), "source " + order.source() + ", "
                    + order.lines().size() + " line(s), total " + order.total() + ", payment " + order.payment().method() + " "
                    + order.payment().amount() + ", idempotency key " + key);
            return new Placed(new Intake(order, false), written);
        }
    }

    private Intake replay(Caller caller, String key, String fingerprint, OrderTables.Claim claim) {
        if (!claim.fingerprint().equals(fingerprint)) {
            throw new WubuException(IDEMPOTENCY_MISMATCH, "Idempotency-Key '" + key + "' was already used for a different order"
                    + " (order " + claim.orderId() + "); send a new key for a new order", Map.of("key", key, "orderId", claim.orderId()));
        }
        Order order = find(Caller.SYSTEM, claim.orderId()).orElseThrow(() -> new NotFoundException("order", Long.toString(claim.orderId())));
        return new Intake(order, true);
    }

    /** Every line listed, at its effective price now; refusals name the line. */
    private List<OrderLine> priced(Caller caller, OrderCatalog cat, OrderDraft d) {
        Map<String, Object> refused = new LinkedHashMap<>();
        List<OrderLine> lines = new ArrayList<>();
        // One lookup for every line (validation capped the lines far below the lookup's limit).
        Map<String, OrderCatalog.Offer> offers = cat.offers(caller, d.lines().stream().map(OrderLineDraft::sku)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        for (int i = 0; i < d.lines().size(); i++) {
            OrderLineDraft l = d.lines().get(i);
            String f = "lines[" + i + "]";
            OrderCatalog.Offer o = offers.get(l.sku());
            if (o == null) {
                refused.put(f + ".sku", l.sku() + " is not in the catalog");
                continue;
            }
            if (!o.listed()) {
                refused.put(f + ".sku", l.sku() + " is not on sale (not listed)");
            } else if (!o.price().currency().equals(l.unitPrice().currency()) || o.price().compareTo(l.unitPrice()) != 0) {
                refused.put(f + ".unitPrice", "offered at " + l.unitPrice() + " but " + l.sku() + " costs " + o.price() + " now");
            }
            lines.add(new OrderLine(i + 1, l.sku(), o.titleZh(), o.titleEn(), l.quantity(), l.unitPrice(), l.unitPrice().times(l.quantity())));
        }
        if (!refused.isEmpty()) {
            throw new WubuException(LINE_REFUSED, "the catalog refuses " + refused.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")), refused);
        }
        return lines;
    }

    // ------------------------------------------------------------------ appending

    @Override
    public OrderRecord append(Caller caller, long orderId, RecordDraft draft) {
        if (draft == null || draft.kind() == null) {
            throw new ValidationException("kind is required", Map.of("kind", "missing"));
        }
        RecordKind kind = draft.kind();
        caller.require(kind.permission());
        if (kind == RecordKind.CREATED) {
            throw new ValidationException("CREATED is written only when an order is placed", Map.of("kind", "not allowed"));
        }
        RecordPayloads.check(kind, draft);
        String payload = CanonicalJson.write(draft.payload());
        if (payload.length() > CanonicalJson.MAX_LENGTH) {
            throw new ValidationException("the payload is longer than " + CanonicalJson.MAX_LENGTH + " characters",
                    Map.of("payload", "too long"));
        }
        Instant now = Utc.millis(clock.now());
        OrderState[] states = new OrderState[2];
        OrderRecord record;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                record = writer.append(c, (conn, head) -> {
                    List<OrderRecord> records = tables.records(conn, orderId);
                    if (records.isEmpty()) {
                        throw new NotFoundException("order", Long.toString(orderId));
                    }
                    OrderStatus before = OrderLifecycle.fold(records);
                    OrderLifecycle.check(before, kind);
                    RecordPayloads.checkAgainst(kind, draft, records, before);
                    OrderRecord last = records.get(records.size() - 1);
                    OrderRecord r = RecordChain.seal(head.id() + 1, orderId, last.sequence() + 1, kind, payload, caller.username(),
                            now, draft.corrects(), last.hash(), head.hash());
                    tables.insertRecord(conn, r);
                    OrderStatus after = OrderLifecycle.next(before, r);
                    if (!tables.updateStatus(conn, orderId, last.sequence(), after)) {
                        tables.rebuildStatus(conn, orderId, after);
                    }
                    states[0] = before.state();
                    states[1] = after.state();
                    return new ChainWriter.Appended<>(r, new OrderTables.Head(r.id(), r.hash()));
                });
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the record could not be stored: " + e.getMessage(), e);
        }
        String shown = payload.length() > 500 ? payload.substring(0, 500) + "…" : payload;
        audit.record(caller, "orders.record." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                OrderEvents.subject(orderId), "record " + record.id() + " (sequence " + record.sequence() + ")"
                        + (record.corrects() == null ? "" : " corrects record " + record.corrects()) + ": " + shown
                        + (states[0] == states[1] ? "" : "; " + states[0] + " → " + states[1]));
        post(record, states[0], states[1]);
        return record;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public Optional<Order> find(Caller caller, long orderId) {
        caller.require(READ);
        return read(c -> tables.order(c, orderId).map(o -> {
            try {
                return o.withStatus(OrderLifecycle.fold(tables.records(c, orderId)));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Override
    public OrderPage list(Caller caller, OrderQuery q) {
        caller.require(READ);
        List<OrderSummary> rows = read(c -> tables.list(c, q.state(), q.before(), q.limit() + 1));
        Long next = null;
        if (rows.size() > q.limit()) {
            rows = new ArrayList<>(rows.subList(0, q.limit()));
            next = rows.get(rows.size() - 1).id();
        }
        return new OrderPage(rows, next);
    }

    @Override
    public List<OrderRecord> records(Caller caller, long orderId) {
        caller.require(READ);
        List<OrderRecord> records = read(c -> tables.records(c, orderId));
        if (records.isEmpty()) {
            throw new NotFoundException("order", Long.toString(orderId));
        }
        return records;
    }

    @Override
    public List<OrderRecord> journal(Caller caller, long afterId, Instant from, Instant to, int limit) {
        caller.require(READ);
        if (limit < 1 || limit > MAX_JOURNAL) {
            throw new ValidationException("limit must be between 1 and " + MAX_JOURNAL + " (got " + limit + ")",
                    Map.of("limit", "out of range"));
        }
        return read(c -> tables.journal(c, afterId, from, to, limit));
    }

    @Override
    public Optional<ChainHead> head() {
        return read(tables::head).map(h -> new ChainHead(h.id(), h.hash()));
    }

    // ------------------------------------------------------------------ helpers

    private void post(OrderRecord r, OrderState before, OrderState after) {
        EventAdmin ea = eventAdmin;
        if (ea == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(Topics.ACTOR, r.actor());
        props.put(Topics.SUBJECT, OrderEvents.subject(r.orderId()));
        props.put(Topics.TIME, r.occurredAt().toString());
        props.put(OrderEvents.ORDER_ID, r.orderId());
        props.put(OrderEvents.RECORD_ID, r.id());
        props.put(OrderEvents.SEQUENCE, r.sequence());
        props.put(OrderEvents.KIND, r.kind().name());
        props.put(OrderEvents.STATE, after.name());
        if (before != null) {
            props.put(OrderEvents.PREVIOUS_STATE, before.name());
        }
        ea.postEvent(new Event(OrderEvents.topic(r.kind()), props));
    }

    @FunctionalInterface
    interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T read(Read<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("orders could not be read: " + e.getMessage(), e);
        }
    }

    PlatformInfo platform() {
        return platform;
    }

    OrderCatalog catalog() {
        return catalog;
    }
}
