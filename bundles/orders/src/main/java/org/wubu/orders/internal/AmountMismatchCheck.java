package org.wubu.orders.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.wubu.orders.api.Order;
import org.wubu.orders.api.payment.PaymentCheck;
import org.wubu.orders.api.payment.PaymentFacts;
import org.wubu.orders.api.payment.PaymentFlag;

/** ORD-6: the customer paid something other than the order total (more or less, or in another currency). */
@Component(service = PaymentCheck.class, property = PaymentCheck.RULE + "=" + AmountMismatchCheck.RULE)
public class AmountMismatchCheck implements PaymentCheck {

    static final String RULE = "amount-mismatch";

    @Override
    public List<PaymentFlag> check(Order order, PaymentFacts facts) {
        var paid = order.payment().amount();
        var total = order.total();
        if (paid.currency().equals(total.currency()) && paid.amount().compareTo(total.amount()) == 0) {
            return List.of();
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("paid", paid.toString());
        f.put("total", total.toString());
        return List.of(new PaymentFlag(RULE, "付款金额 " + paid + " 与订单总额 " + total + " 不符",
                "paid " + paid + " but the order total is " + total, f));
    }
}
