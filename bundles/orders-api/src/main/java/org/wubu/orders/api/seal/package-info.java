/**
 * The daily record of the orders (ORD-4): every day at 18:00 shop time the records of the sealed day
 * are written to {@code <folder>/<yyyy-MM-dd>/records.jsonl} with a {@code manifest.json}, never
 * changed afterwards, and checked against the database on demand. Service: {@link org.wubu.orders.api.seal.OrderSeals}.
 */
@Version("1.0.0")
package org.wubu.orders.api.seal;

import org.osgi.annotation.versioning.Version;
