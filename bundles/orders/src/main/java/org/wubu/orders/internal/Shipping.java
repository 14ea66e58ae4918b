package org.wubu.orders.internal;

import java.util.LinkedHashMap;
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

/** Handing a packed order to the carrier (SHIPPED, with carrier and tracking number) and recording its delivery (ORD-7, ORD-8). */
@Component(service = Shipping.class)
public class Shipping {

    static final int MAX_FIELD = 100;
    static final int MAX_NOTE = 2000;

    private final OrderService orders;

    @Activate
    public Shipping(@Reference OrderService orders) {
        this.orders = orders;
    }

    OrderRecord ship(Caller caller, long orderId, String carrier, String trackingNumber) {
        caller.require(OrderService.SHIP);
        Map<String, Object> errors = new LinkedHashMap<>();
        String c = field(errors, "carrier", carrier);
        String t = field(errors, "trackingNumber", trackingNumber);
        if (!errors.isEmpty()) {
            throw new ValidationException("bad shipment: " + errors, errors);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("carrier", c);
        p.put("trackingNumber", t);
        return orders.append(caller, orderId, RecordDraft.of(RecordKind.SHIPPED, p));
    }

    OrderRecord deliver(Caller caller, long orderId, String note) {
        caller.require(OrderService.SHIP);
        Map<String, Object> p = new LinkedHashMap<>();
        if (note != null && !note.isBlank()) {
            if (note.trim().length() > MAX_NOTE) {
                throw new ValidationException("note is longer than " + MAX_NOTE + " characters", Map.of("note", "too long"));
            }
            p.put("note", note.trim());
        }
        return orders.append(caller, orderId, RecordDraft.of(RecordKind.DELIVERED, p));
    }

    private static String field(Map<String, Object> errors, String name, String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            errors.put(name, "missing");
        } else if (v.length() > MAX_FIELD) {
            errors.put(name, "longer than " + MAX_FIELD + " characters");
        }
        return v;
    }
}
