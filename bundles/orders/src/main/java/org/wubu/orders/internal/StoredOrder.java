package org.wubu.orders.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wubu.orders.api.Customer;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.OrderLine;
import org.wubu.orders.api.OrderStatus;
import org.wubu.orders.api.Payment;
import org.wubu.platform.api.Money;

/**
 * An order's header and lines as written once at creation. {@link #createdPayload()} is the payload
 * of its CREATED record: the verifier rebuilds it from the tables and compares, so a changed header
 * or line is caught as surely as a changed record.
 */
record StoredOrder(long id, Instant createdAt, String createdBy, String source, Customer customer, String address,
                   Payment payment, Money total, String note, List<OrderLine> lines) {

    StoredOrder {
        lines = List.copyOf(lines);
    }

    Order withStatus(OrderStatus status) {
        return new Order(id, createdAt, createdBy, source, customer, address, lines, payment, total, note, status);
    }

    /** The CREATED record's payload: every column of the header and of each line, canonical. */
    String createdPayload() {
        Map<String, Object> p = new TreeMap<>();
        p.put("orderId", id);
        p.put("createdAt", createdAt.toString());
        p.put("createdBy", createdBy);
        p.put("source", source);
        Map<String, Object> c = new TreeMap<>();
        c.put("name", customer.name());
        c.put("phone", customer.phone());
        p.put("customer", c);
        p.put("address", address);
        Map<String, Object> pay = new TreeMap<>();
        pay.put("method", payment.method());
        pay.put("amount", payment.amount().amount().toPlainString());
        pay.put("transactionRef", payment.transactionRef());
        p.put("payment", pay);
        p.put("currency", total.currency().getCurrencyCode());
        p.put("total", total.amount().toPlainString());
        p.put("note", note);
        List<Object> ls = new ArrayList<>();
        for (OrderLine l : lines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lineNo", l.lineNo());
            m.put("sku", l.sku());
            m.put("titleZh", l.titleZh());
            m.put("titleEn", l.titleEn());
            m.put("quantity", l.quantity());
            m.put("unitPrice", l.unitPrice().amount().toPlainString());
            m.put("lineTotal", l.lineTotal().amount().toPlainString());
            ls.add(m);
        }
        p.put("lines", ls);
        return CanonicalJson.write(p);
    }
}
