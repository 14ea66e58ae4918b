package org.wubu.catalog.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.OpenReservation;
import org.wubu.catalog.api.OpenReservationQuery;
import org.wubu.catalog.api.StockLine;
import org.wubu.catalog.api.StockMovement;
import org.wubu.catalog.api.StockMovementKind;
import org.wubu.catalog.api.StockReservations;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.api.WubuException;

/**
 * Multi-line reservations for orders: every line of a call in ONE transaction, each a single guarded
 * UPDATE ({@code STOCK + change >= 0}) whose row count decides, exactly like a single
 * {@link CatalogService#reserve}; the first line that fails rolls the whole call back. Lines are taken
 * in SKU order so that two calls locking the same products never wait for each other crosswise.
 * Audit entries and events (the same as for single movements, normal delisting included) follow the
 * commit, so that nothing is announced that did not happen.
 */
@Component(service = StockReservations.class)
public class StockReservationStore implements StockReservations {

    static final int MAX_REFERENCE = 500;

    private final CatalogStore catalog;
    private final ShopClock clock;

    @Activate
    public StockReservationStore(@Reference CatalogStore catalog, @Reference ShopClock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public List<StockMovement> reserveAll(Caller caller, String reference, List<StockLine> lines) {
        return all(caller, reference, lines, StockMovementKind.RESERVATION);
    }

    @Override
    public List<StockMovement> releaseAll(Caller caller, String reference, List<StockLine> lines) {
        return all(caller, reference, lines, StockMovementKind.RELEASE);
    }

    @Override
    public List<StockMovement> commitAll(Caller caller, String reference, List<StockLine> lines) {
        return all(caller, reference, lines, StockMovementKind.SALE);
    }

    @Override
    public List<OpenReservation> open(Caller caller, OpenReservationQuery query) {
        caller.require(CatalogService.STOCK_RESERVE);
        if (query == null) {
            throw new ValidationException("the query is missing", Map.of("query", "missing"));
        }
        Map<String, Object> errors = new LinkedHashMap<>();
        if (query.referencePrefix() == null || query.referencePrefix().isBlank()) {
            errors.put("referencePrefix", "missing");
        } else if (query.referencePrefix().length() > MAX_REFERENCE) {
            errors.put("referencePrefix", "longer than " + MAX_REFERENCE + " characters");
        }
        if (query.olderThan() == null) {
            errors.put("olderThan", "missing");
        }
        if (query.limit() < 1 || query.limit() > MAX_OPEN) {
            errors.put("limit", "must be between 1 and " + MAX_OPEN + " (got " + query.limit() + ")");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the open reservations query is not valid: " + errors.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")), errors);
        }
        String prefix = query.referencePrefix(); // literally: references are stored trimmed, a prefix may end in a blank
        LocalDateTime from = Utc.of(query.reservedFrom());
        LocalDateTime before = Utc.of(query.olderThan());
        return catalog.inTransaction(em -> OpenReservationTable.page(em, prefix, from, before, Math.max(0, query.afterId()),
                query.limit()));
    }

    private List<StockMovement> all(Caller caller, String reference, List<StockLine> lines, StockMovementKind kind) {
        caller.require(CatalogService.STOCK_RESERVE);
        Map<String, Long> bySku = validate(reference, lines);
        String why = reference.trim();
        LocalDateTime now = Utc.of(clock.now());
        List<CatalogStore.Applied> done = catalog.inTransaction(em -> {
            // Every product's guarded UPDATE first (in SKU order: its row stays locked), then ONE read of the stock they
            // left and of what the reference holds, then the ledger rows and the holdings: a statement per row written.
            MovementRows rows = MovementRows.of(em);
            Map<String, Long> held = new LinkedHashMap<>();
            for (Map.Entry<String, Long> line : bySku.entrySet()) {
                long quantity = line.getValue();
                if (!rows.change(line.getKey(), change(kind, quantity), reservedChange(kind, quantity))) {
                    throw refusal(em, line.getKey(), quantity, kind);
                }
                held.put(line.getKey(), kind == StockMovementKind.RESERVATION ? quantity : -quantity);
            }
            MovementRows.After after = rows.after(why, bySku.keySet());
            List<CatalogStore.Applied> out = new ArrayList<>();
            for (Map.Entry<String, Long> line : bySku.entrySet()) {
                long quantity = line.getValue();
                out.add(catalog.recordMovement(em, caller, line.getKey(), kind, quantity, change(kind, quantity),
                        after.stock().get(line.getKey()), why, now));
            }
            rows.holdings(why, held, after.held(), now); // what the reference still holds, once every product is locked
            return out;
        });
        catalog.announceMovements(caller, why, done, kind);
        return done.stream().map(CatalogStore.Applied::movement).collect(Collectors.toList());
    }

    /** The lines added up per SKU, in SKU order; every bad line is named ({@code lines[2].quantity}). */
    private static Map<String, Long> validate(String reference, List<StockLine> lines) {
        Map<String, Object> errors = new LinkedHashMap<>();
        if (reference == null || reference.isBlank()) {
            errors.put("reference", "missing");
        } else if (reference.trim().length() > MAX_REFERENCE) {
            errors.put("reference", "longer than " + MAX_REFERENCE + " characters");
        }
        Map<String, Long> bySku = new TreeMap<>();
        if (lines == null || lines.isEmpty()) {
            errors.put("lines", "missing: at least one line");
        } else if (lines.size() > MAX_LINES) {
            errors.put("lines", "more than " + MAX_LINES + " lines (got " + lines.size() + ")");
        } else {
            for (int i = 0; i < lines.size(); i++) {
                StockLine l = lines.get(i);
                if (l == null || l.sku() == null || l.sku().isBlank()) {
                    errors.put("lines[" + i + "].sku", "missing");
                } else if (l.quantity() <= 0) {
                    errors.put("lines[" + i + "].quantity", "must be a positive whole number (got " + l.quantity() + ")");
                } else {
                    bySku.merge(l.sku().trim(), l.quantity(), Math::addExact);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the stock lines are not valid: " + errors.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")), errors);
        }
        return bySku;
    }

    /** One line inside the caller's transaction; throws (rolling the whole call back) when its units are not there. */
    /** The change of the stock on hand: a reservation takes units, a release gives them back, a sale leaves it. */
    private static long change(StockMovementKind kind, long quantity) {
        return switch (kind) {
            case RESERVATION -> -quantity;
            case RELEASE -> quantity;
            default -> 0;
        };
    }

    /** The change of the reserved units: a reservation adds, a release or a sale takes them off. */
    private static long reservedChange(StockMovementKind kind, long quantity) {
        return kind == StockMovementKind.RESERVATION ? quantity : -quantity;
    }

    private static WubuException refusal(EntityManager em, String sku, long quantity, StockMovementKind kind) {
        List<?> current = em.createNativeQuery("SELECT STOCK, RESERVED FROM CAT_PRODUCT WHERE SKU = ?1")
                .setParameter(1, sku).getResultList();
        if (current.isEmpty()) {
            return new NotFoundException("product", sku);
        }
        Object[] row = (Object[]) current.get(0);
        long stock = ((Number) row[0]).longValue();
        long reserved = ((Number) row[1]).longValue();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sku", sku);
        details.put("requested", quantity);
        if (kind == StockMovementKind.RESERVATION) {
            details.put("available", stock);
            return new WubuException(CatalogService.INSUFFICIENT_STOCK, "only " + stock + " units of " + sku
                    + " are available; cannot reserve " + quantity + " (nothing of this request was reserved)", details);
        }
        details.put("reserved", reserved);
        return new WubuException(CatalogService.INSUFFICIENT_STOCK, "only " + reserved + " units of " + sku + " are reserved; cannot "
                + (kind == StockMovementKind.RELEASE ? "release " : "commit ") + quantity + " (nothing of this request was changed)",
                details);
    }
}
