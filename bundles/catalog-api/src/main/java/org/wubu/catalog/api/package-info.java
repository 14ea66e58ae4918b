/**
 * The catalog area (CAT-1, CAT-2, CAT-3, CAT-5, CAT-7): products with zh-CN and English titles, prices changed
 * only through an approved {@link org.wubu.catalog.api.PriceProposal} applied by the content
 * specialist, a stock ledger of {@link org.wubu.catalog.api.StockMovement}s, and stock reservations
 * for other areas that cannot oversell. {@link org.wubu.catalog.api.CatalogEvents} names the topics.
 */
@Version("1.2.0")
package org.wubu.catalog.api;

import org.osgi.annotation.versioning.Version;
