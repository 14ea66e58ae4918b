package org.wubu.orders.api;

import org.wubu.platform.api.Money;

/**
 * The payment as the order source reported it (ORD-6 checks it later).
 *
 * @param method         e.g. {@code alipay}, {@code wechat}, {@code card}, {@code cod}
 * @param amount         what the customer paid
 * @param transactionRef the payment provider's transaction reference
 */
public record Payment(String method, Money amount, String transactionRef) {
}
