package org.wubu.catalog.api;

import java.time.Instant;
import org.wubu.platform.api.Money;

/**
 * Why a price should change: what a competitor charges.
 *
 * @param competitor who, e.g. "天猫旗舰店"
 * @param theirPrice their price
 * @param whereSeen  where it was seen (a URL or a shop)
 * @param seenAt     when
 */
public record CompetitorEvidence(String competitor, Money theirPrice, String whereSeen, Instant seenAt) {
}
