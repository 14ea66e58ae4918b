/**
 * Market watch (CAT-8): competitor price records per product and the weekly summary built from them
 * and from the catalog's sales (best-sellers, price gaps to competitors).
 */
@Version("1.0.0")
package org.wubu.catalog.api.market;

import org.osgi.annotation.versioning.Version;
