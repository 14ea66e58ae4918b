package org.wubu.catalog.api;

/**
 * One line of a multi-line stock operation: a product and a positive number of units.
 */
public record StockLine(String sku, long quantity) {
}
