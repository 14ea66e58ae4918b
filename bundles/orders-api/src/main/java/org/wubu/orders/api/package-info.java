/**
 * The orders area (ORD-1 .. ORD-9). An {@link org.wubu.orders.api.Order} is legally binding once
 * created (ORD-5): its header and lines are written once and never changed. Everything that happens
 * to it later is an appended {@link org.wubu.orders.api.OrderRecord} of a {@link org.wubu.orders.api.RecordKind};
 * a correction is an {@link org.wubu.orders.api.RecordKind#AMENDMENT} that names the record it corrects.
 * Each record is hash-chained to the previous record of its order and to the previous record of the
 * whole shop ({@link org.wubu.orders.api.OrderVerifier} walks both chains).
 *
 * <p>The current state of an order is never stored as order data: it is the fold of its records,
 * {@link org.wubu.orders.api.OrderLifecycle#fold}, which also says which record may follow which
 * ({@link org.wubu.orders.api.OrderLifecycle#check}). Services: {@link org.wubu.orders.api.OrderService}
 * (intake, reading, appending records), {@link org.wubu.orders.api.OrderVerifier}; events:
 * {@link org.wubu.orders.api.OrderEvents}.
 */
@Version("1.1.0")
package org.wubu.orders.api;

import org.osgi.annotation.versioning.Version;
