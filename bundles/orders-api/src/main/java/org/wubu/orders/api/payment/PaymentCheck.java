package org.wubu.orders.api.payment;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.wubu.orders.api.Order;

/**
 * A payment rule (ORD-6). Register an implementation as an OSGi service and the orders area runs it
 * on every newly accepted order:
 * <pre>{@code
 * @Component(property = PaymentCheck.RULE + "=high-value-cod")
 * public class HighValueCod implements PaymentCheck {
 *     public List<PaymentFlag> check(Order order, PaymentFacts facts) {
 *         return order.payment().method().equals("cod") && order.total().amount().compareTo(new BigDecimal("5000")) > 0
 *                 ? List.of(new PaymentFlag("high-value-cod", "货到付款金额过高", "cash on delivery above 5000", Map.of()))
 *                 : List.of();
 *     }
 * }
 * }</pre>
 * A check must be quick and must not change anything; one that throws is logged and skipped (the
 * order is then not marked verified by it: the others still run).
 */
@ConsumerType
public interface PaymentCheck {

    /** Service property: the rule's id (as in its flags), for logs and for switching a rule off by configuration. */
    String RULE = "wubu.payment.rule";

    /** What is abnormal about the order's payment; empty when this rule finds nothing. */
    List<PaymentFlag> check(Order order, PaymentFacts facts);
}
