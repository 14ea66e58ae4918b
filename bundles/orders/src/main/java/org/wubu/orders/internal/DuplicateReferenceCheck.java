package org.wubu.orders.internal;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.payment.PaymentCheck;
import org.wubu.orders.api.payment.PaymentFacts;
import org.wubu.orders.api.payment.PaymentFlag;

/** ORD-6: another order carries the same payment transaction reference (one payment used twice). */
@Component(service = PaymentCheck.class, property = PaymentCheck.RULE + "=" + DuplicateReferenceCheck.RULE)
public class DuplicateReferenceCheck implements PaymentCheck {

    static final String RULE = "duplicate-reference";

    @Override
    public List<PaymentFlag> check(Order order, PaymentFacts facts) {
        String ref = order.payment().transactionRef();
        if (ref == null || ref.isBlank()) {
            return List.of();
        }
        List<Long> others = facts.ordersWithTransactionRef(ref, order.id());
        if (others.isEmpty()) {
            return List.of();
        }
        return List.of(new PaymentFlag(RULE, "交易号 " + ref + " 已用于订单 " + others,
                "transaction reference " + ref + " was already used by order(s) " + others,
                Map.of("transactionRef", ref, "orders", others.toString())));
    }
}
