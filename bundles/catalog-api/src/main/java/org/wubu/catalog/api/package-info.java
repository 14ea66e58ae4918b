/**
 * The catalog area (CAT-1, CAT-2, CAT-3, CAT-5, CAT-7): products with zh-CN and English titles, prices changed
 * only through an approved {@link org.wubu.catalog.api.PriceProposal} applied by the content
 * specialist, a stock ledger of {@link org.wubu.catalog.api.StockMovement}s, and stock reservations
 * for other areas that cannot oversell. Promotions (CAT-4) through {@link org.wubu.catalog.api.PromotionService};
 * for other areas: effective prices through {@link org.wubu.catalog.api.CatalogLookup} and all-or-nothing
 * multi-line reservations through {@link org.wubu.catalog.api.StockReservations}, which also lists the
 * {@link org.wubu.catalog.api.OpenReservation open reservations} of a reference prefix.
 * Products carry bilingual {@link org.wubu.catalog.api.ProductAttribute}s and
 * are filed in the {@link org.wubu.catalog.api.CategoryService category tree}; every change writes a
 * {@link org.wubu.catalog.api.ProductRevision} ({@link org.wubu.catalog.api.ProductHistory}). {@link org.wubu.catalog.api.CatalogEvents} names the topics.
 */
@Version("1.3.0")
package org.wubu.catalog.api;

import org.osgi.annotation.versioning.Version;
