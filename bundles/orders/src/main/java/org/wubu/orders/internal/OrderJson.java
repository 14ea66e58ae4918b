package org.wubu.orders.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.wubu.orders.api.ChainReport;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderLine;
import org.wubu.orders.api.OrderNote;
import org.wubu.orders.api.OrderRecord;
import org.wubu.orders.api.OrderStatus;
import org.wubu.orders.api.OrderSummary;
import org.wubu.platform.api.Money;

/** The JSON shapes of the orders API (see docs/orders-api.md): maps in a stable key order, times in the shop's zone. */
final class OrderJson {

    private final ZoneId zone;

    OrderJson(ZoneId zone) {
        this.zone = zone;
    }

    String at(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime().toString();
    }

    static Map<String, Object> money(Money m) {
        if (m == null) {
            return null;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("amount", m.amount().toPlainString());
        r.put("currency", m.currency().getCurrencyCode());
        return r;
    }

    Map<String, Object> order(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("state", o.status().state().name());
        m.put("createdAt", at(o.createdAt()));
        m.put("createdBy", o.createdBy());
        m.put("source", o.source());
        // Notes first among the details: whoever handles the order must see them (ORD-7).
        m.put("notes", o.status().notes().stream().map(this::note).collect(Collectors.toList()));
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", o.customer().name());
        customer.put("phone", o.customer().phone());
        m.put("customer", customer);
        m.put("address", o.address());
        m.put("lines", o.lines().stream().map(OrderJson::line).collect(Collectors.toList()));
        m.put("total", money(o.total()));
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("method", o.payment().method());
        payment.put("amount", money(o.payment().amount()));
        payment.put("transactionRef", o.payment().transactionRef());
        m.put("payment", payment);
        m.put("note", o.note());
        m.put("status", status(o.status()));
        return m;
    }

    private static Map<String, Object> line(OrderLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lineNo", l.lineNo());
        m.put("sku", l.sku());
        m.put("titleZh", l.titleZh());
        m.put("titleEn", l.titleEn());
        m.put("quantity", l.quantity());
        m.put("unitPrice", money(l.unitPrice()));
        m.put("lineTotal", money(l.lineTotal()));
        return m;
    }

    Map<String, Object> status(OrderStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state().name());
        m.put("records", s.records());
        m.put("lastRecordId", s.lastRecordId());
        m.put("lastAt", at(s.lastAt()));
        m.put("acceptedAt", at(s.acceptedAt()));
        m.put("confirmedAt", at(s.confirmedAt()));
        m.put("confirmedBy", s.confirmedBy());
        m.put("confirmationOverdue", s.confirmationOverdue());
        m.put("paymentVerified", s.paymentVerified());
        m.put("paymentFlagged", s.paymentFlagged());
        m.put("openPaymentFlags", s.openPaymentFlags());
        m.put("amendments", s.amendments());
        return m;
    }

    Map<String, Object> note(OrderNote n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordId", n.recordId());
        m.put("kind", n.kind().name());
        m.put("actor", n.actor());
        m.put("at", at(n.at()));
        m.put("text", n.text());
        return m;
    }

    Map<String, Object> summary(OrderSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("state", s.state().name());
        m.put("createdAt", at(s.createdAt()));
        m.put("source", s.source());
        m.put("customerName", s.customerName());
        m.put("total", money(s.total()));
        m.put("lineCount", s.lineCount());
        m.put("acceptedAt", at(s.acceptedAt()));
        m.put("confirmationOverdue", s.confirmationOverdue());
        m.put("paymentFlagged", s.paymentFlagged());
        m.put("hasNotes", s.hasNotes());
        m.put("lastAt", at(s.lastAt()));
        return m;
    }

    Map<String, Object> record(OrderRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("orderId", r.orderId());
        m.put("sequence", r.sequence());
        m.put("kind", r.kind().name());
        m.put("actor", r.actor());
        m.put("occurredAt", at(r.occurredAt()));
        m.put("corrects", r.corrects());
        m.put("payload", CanonicalJson.read(r.payload()));
        m.put("previousOrderHash", r.previousOrderHash());
        m.put("previousGlobalHash", r.previousGlobalHash());
        m.put("hash", r.hash());
        return m;
    }

    static Map<String, Object> report(ChainReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intact", r.intact());
        m.put("records", r.records());
        m.put("orders", r.orders());
        m.put("recordId", r.recordId());
        m.put("orderId", r.orderId());
        m.put("sequence", r.sequence());
        m.put("problem", r.problem());
        m.put("summary", r.summary());
        return m;
    }

}
