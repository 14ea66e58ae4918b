package org.wubu.orders.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderLifecycle;
import org.wubu.orders.api.OrderLine;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.RecordDraft;
import org.wubu.orders.api.RecordKind;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.WubuException;

/**
 * Packing (ORD-7, ORD-8): the pick list shows the order's lines, the gifts recorded for it and its
 * notes; the packer scans or types what goes into the parcel and it must match exactly, SKU by SKU.
 * A mismatch is refused and recorded (PACK_MISMATCH with what differs, which stays on the timeline);
 * a match is PACKED. Packing is refused before any comparison while the order is not confirmed or a
 * payment flag is open ({@link OrderLifecycle#check}).
 */
@Component(service = Packing.class)
public class Packing {

    /** Refusal: the packed goods differ from the order (HTTP 409); details: {@code recordId}, {@code differences}. */
    static final String PACK_MISMATCH = "pack-mismatch";

    /** What to pick: the order, the gifts that go with it, what the parcel must hold, and whether it can be packed now. */
    record PickList(Order order, List<OrderRecord> gifts, Map<String, Long> expected, String blockedBy) {
    }

    private final OrderService orders;

    @Activate
    public Packing(@Reference OrderService orders) {
        this.orders = orders;
    }

    PickList pickList(Caller caller, long orderId) {
        caller.require(OrderService.READ);
        Order order = order(caller, orderId);
        List<OrderRecord> gifts = orders.records(caller, orderId).stream().filter(r -> r.kind() == RecordKind.GIFT)
                .collect(Collectors.toList());
        String blocked = null;
        try {
            OrderLifecycle.check(order.status(), RecordKind.PACKED);
        } catch (WubuException e) {
            blocked = e.getMessage();
        }
        return new PickList(order, gifts, expected(order, gifts), blocked);
    }

    /** The order's lines plus its gifts, by SKU. */
    static Map<String, Long> expected(Order order, List<OrderRecord> gifts) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (OrderLine l : order.lines()) {
            m.merge(l.sku(), l.quantity(), Long::sum);
        }
        for (OrderRecord g : gifts) {
            JsonNode p = WorkJson.payload(g);
            if (p.hasNonNull("sku") && p.path("quantity").canConvertToLong()) {
                m.merge(p.get("sku").asText(), p.get("quantity").asLong(), Long::sum);
            }
        }
        return m;
    }

    /**
     * Packs the order if the goods match; otherwise records the mismatch and throws
     * {@link #PACK_MISMATCH} naming every differing SKU.
     */
    OrderRecord pack(Caller caller, long orderId, List<GoodsLines.Line> lines) {
        caller.require(OrderService.PACK);
        Map<String, Long> packed = GoodsLines.count("lines", lines);
        Order order = order(caller, orderId);
        OrderLifecycle.check(order.status(), RecordKind.PACKED);
        List<OrderRecord> gifts = orders.records(caller, orderId).stream().filter(r -> r.kind() == RecordKind.GIFT)
                .collect(Collectors.toList());
        Map<String, Long> expected = expected(order, gifts);
        List<GoodsLines.Difference> differences = GoodsLines.compare(expected, packed);
        if (differences.isEmpty()) {
            return orders.append(caller, orderId, RecordDraft.of(RecordKind.PACKED, Map.of("lines", GoodsLines.payload(packed))));
        }
        List<Map<String, Object>> diff = differences.stream().map(GoodsLines.Difference::json).collect(Collectors.toList());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("expected", GoodsLines.payload(expected));
        p.put("packed", GoodsLines.payload(packed));
        p.put("differences", diff);
        OrderRecord mismatch = orders.append(caller, orderId, RecordDraft.of(RecordKind.PACK_MISMATCH, p));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recordId", mismatch.id());
        details.put("differences", diff);
        throw new WubuException(PACK_MISMATCH, "packing refused: the parcel does not match order " + orderId + " ("
                + differences.stream().map(GoodsLines.Difference::describe).collect(Collectors.joining("; "))
                + "); recorded as record " + mismatch.id() + ". Check the goods against the pick list and pack again.", details);
    }

    private Order order(Caller caller, long orderId) {
        return orders.find(caller, orderId).orElseThrow(() -> new NotFoundException("order", Long.toString(orderId)));
    }
}
