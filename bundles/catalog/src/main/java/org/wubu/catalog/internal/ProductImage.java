package org.wubu.catalog.internal;

import java.time.Instant;

/**
 * One image of a product: the media store's id, its place in the display order (1 = the main
 * image) and its alt texts.
 */
record ProductImage(String mediaId, int position, String altZh, String altEn, String addedBy, Instant addedAt) {
}
