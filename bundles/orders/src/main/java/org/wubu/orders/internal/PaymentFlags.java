package org.wubu.orders.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.ValidationException;

/**
 * The payment flags of an order (ORD-6) as their records tell them, and their resolution: someone
 * with {@code orders.payment.resolve} resolves one flag with a reason (PAYMENT_FLAG_RESOLVED); the
 * order can be packed once none is open.
 */
@Component(service = PaymentFlags.class)
public class PaymentFlags {

    static final int MAX_REASON = 2000;

    /** A flag and, once resolved, who resolved it, when and why. */
    record Flag(OrderRecord flagged, OrderRecord resolution) {

        boolean open() {
            return resolution == null;
        }
    }

    /** An order's payment checks: verified, and every flag. */
    record Checks(long orderId, OrderRecord verified, List<Flag> flags) {

        boolean blocked() {
            return flags.stream().anyMatch(Flag::open);
        }
    }

    private final OrderService orders;

    @Activate
    public PaymentFlags(@Reference OrderService orders) {
        this.orders = orders;
    }

    Checks checks(Caller caller, long orderId) {
        caller.require(OrderService.READ);
        return of(orderId, orders.records(caller, orderId));
    }

    static Checks of(long orderId, List<OrderRecord> records) {
        OrderRecord verified = null;
        Map<Long, OrderRecord> flagged = new LinkedHashMap<>();
        Map<Long, OrderRecord> resolved = new LinkedHashMap<>();
        for (OrderRecord r : records) {
            switch (r.kind()) {
                case PAYMENT_VERIFIED -> verified = verified == null ? r : verified;
                case PAYMENT_FLAGGED -> flagged.put(r.id(), r);
                case PAYMENT_FLAG_RESOLVED -> {
                    JsonNode flag = WorkJson.payload(r).get("flag");
                    if (flag == null || flag.isNull()) {
                        // resolves every flag open at that time (the fold reads it so)
                        flagged.keySet().forEach(id -> resolved.putIfAbsent(id, r));
                    } else {
                        resolved.putIfAbsent(flag.asLong(), r);
                    }
                }
                default -> {
                    // not about payment
                }
            }
        }
        List<Flag> flags = new ArrayList<>();
        flagged.forEach((id, r) -> flags.add(new Flag(r, resolved.get(id))));
        return new Checks(orderId, verified, flags);
    }

    OrderRecord resolve(Caller caller, long orderId, long flagRecordId, String reason) {
        caller.require(OrderService.PAYMENT_RESOLVE);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new ValidationException("reason is required: why the payment is in order after all", Map.of("reason", "missing"));
        }
        if (why.length() > MAX_REASON) {
            throw new ValidationException("reason is longer than " + MAX_REASON + " characters", Map.of("reason", "too long"));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("flag", flagRecordId);
        p.put("reason", why);
        return orders.append(caller, orderId, RecordDraft.of(RecordKind.PAYMENT_FLAG_RESOLVED, p));
    }
}
