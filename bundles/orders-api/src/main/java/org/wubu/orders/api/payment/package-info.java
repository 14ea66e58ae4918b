/**
 * Payment checks (ORD-6): rules that look at a newly accepted order's payment and flag what is
 * abnormal. The orders area runs every registered {@link org.wubu.orders.api.payment.PaymentCheck}
 * (whiteboard: the built-in amount-mismatch and duplicate-reference rules, plus any a partner bundle
 * registers) right after intake, and appends a {@code PAYMENT_FLAGGED} record per
 * {@link org.wubu.orders.api.payment.PaymentFlag}, or one {@code PAYMENT_VERIFIED} when no rule
 * flags anything. A flagged order cannot be packed until someone with
 * {@code orders.payment.resolve} resolves each flag with a reason.
 */
@Version("1.0.0")
package org.wubu.orders.api.payment;

import org.osgi.annotation.versioning.Version;
